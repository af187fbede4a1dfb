import { useRef } from 'react'
import { Alert, Button, Card, Dropdown, Empty, Form, Popconfirm, Space, Tooltip } from 'antd'
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import type { Block, FieldErrors } from '@common/contract'
import { BLOCK_LABELS, BLOCK_TYPES, blockErrors, emptyBlock, type BlockType } from './block-types'
import { BlockEditor } from './block-editors'

export interface BlocksEditorProps {
  value: Block[]
  onChange: (next: Block[]) => void
  /** the server's field errors for the whole draft ('draft.blocks[1].alt'); each block shows its own */
  fieldErrors?: FieldErrors
  readOnly?: boolean
}

/** the block keys whose message an editor shows beside its field (the chart editor shows all of its block's) */
const PLACED_ERRORS = /^(text|src|alt|caption|title|items\[\d+\]\.(value|caption|date|title|question|answer)|columns\[\d+\])$/

let nextKey = 0
const newKey = () => `block-${++nextKey}`

/**
 * An interpretation's ordered blocks: added from a menu of the types, moved up and down with
 * buttons, removed after a confirmation, each edited in place.
 */
export function BlocksEditor({ value, onChange, fieldErrors, readOnly }: BlocksEditorProps) {
  // blocks have no ids: keys follow them through moves so each editor keeps its own state (the chart grid's typed text)
  const keys = useRef<string[]>([])
  if (keys.current.length !== value.length) keys.current = value.map(newKey)

  const change = (next: Block[], nextKeys: string[]) => {
    keys.current = nextKeys
    onChange(next)
  }
  const list = useRef<HTMLDivElement>(null)
  const move = (from: number, to: number) => {
    const blocks = [...value]
    const ks = [...keys.current]
    ;[blocks[from], blocks[to]] = [blocks[to], blocks[from]]
    ;[ks[from], ks[to]] = [ks[to], ks[from]]
    change(blocks, ks)
    // React moves the card's node, which drops the focus: give it back to the moved block's button
    // (its other arrow when this one is now disabled at the top or bottom), so arrows can be pressed again
    setTimeout(() => {
      const arrows = list.current?.querySelectorAll<HTMLButtonElement>(`[data-block="${ks[to]}"] [data-move]`) ?? []
      const same = [...arrows].find((b) => b.dataset.move === (to < from ? 'up' : 'down') && !b.disabled)
      ;(same ?? [...arrows].find((b) => !b.disabled))?.focus()
    })
  }
  const remove = (index: number) =>
    change(
      value.filter((_, i) => i !== index),
      keys.current.filter((_, i) => i !== index),
    )
  const add = (type: BlockType) => change([...value, emptyBlock(type)], [...keys.current, newKey()])
  const replace = (index: number, block: Block) => onChange(value.map((b, i) => (i === index ? block : b)))

  const addMenu = (
    <Dropdown
      trigger={['click']}
      disabled={readOnly}
      menu={{ items: BLOCK_TYPES.map((type) => ({ key: type, label: BLOCK_LABELS[type] })), onClick: ({ key }) => add(key as BlockType) }}
    >
      <Button type='dashed' icon={<PlusOutlined />} disabled={readOnly} block>
        添加内容块
      </Button>
    </Dropdown>
  )

  return (
    <Form layout='vertical' component={false} disabled={readOnly}>
      <div ref={list}>
        <Space direction='vertical' size='middle' style={{ width: '100%' }}>
          {value.length === 0 ? <Empty description='还没有内容块，请从下方添加' /> : null}
          {value.map((block, i) => {
            const errors = blockErrors(fieldErrors, i)
            const label = `第${i + 1}块：${BLOCK_LABELS[block.type]}`
            const unplaced = Object.entries(errors)
              .filter(([key]) => block.type !== 'chart' && !PLACED_ERRORS.test(key))
              .map(([, message]) => message)
            return (
              <Card
                key={keys.current[i]}
                size='small'
                role='group'
                data-block={keys.current[i]}
                aria-label={label}
                title={label}
                styles={Object.keys(errors).length > 0 ? { header: { color: '#cf1322' } } : undefined}
                extra={
                  readOnly ? null : (
                    <Space size={4}>
                      <Tooltip title='上移'>
                        <Button
                          size='small'
                          icon={<ArrowUpOutlined />}
                          aria-label={`上移${label}`}
                          data-move='up'
                          disabled={i === 0}
                          onClick={() => move(i, i - 1)}
                        />
                      </Tooltip>
                      <Tooltip title='下移'>
                        <Button
                          size='small'
                          icon={<ArrowDownOutlined />}
                          aria-label={`下移${label}`}
                          data-move='down'
                          disabled={i === value.length - 1}
                          onClick={() => move(i, i + 1)}
                        />
                      </Tooltip>
                      <Popconfirm
                        title={`删除${label}？`}
                        description='块中填写的内容会一并删除'
                        okText='删除'
                        okButtonProps={{ danger: true }}
                        cancelText='取消'
                        onConfirm={() => remove(i)}
                      >
                        <Button size='small' danger icon={<DeleteOutlined />} aria-label={`删除${label}`} />
                      </Popconfirm>
                    </Space>
                  )
                }
              >
                {unplaced.length > 0 ? <Alert type='error' showIcon message={unplaced.join('；')} style={{ marginBottom: 12 }} /> : null}
                <BlockEditor value={block} errors={errors} readOnly={readOnly} onChange={(next) => replace(i, next)} />
              </Card>
            )
          })}
          {readOnly ? null : addMenu}
        </Space>
      </div>
    </Form>
  )
}
