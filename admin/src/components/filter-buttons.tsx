import { Button, Form, Space } from 'antd'

/** a filter form's 查询 (submits the form) and 重置 (the page clears its fields and query) */
export function FilterButtons({ onReset, reset = true }: { onReset: () => void; reset?: boolean }) {
  return (
    <Form.Item>
      <Space>
        <Button type='primary' htmlType='submit'>
          查询
        </Button>
        {reset ? <Button onClick={onReset}>重置</Button> : null}
      </Space>
    </Form.Item>
  )
}
