import { Alert, Collapse, Space, Table, Timeline, Typography } from 'antd'
import type { Block } from '@common/contract'
import { CALLOUT_TONE_LABELS } from './block-types'
import { ChartPreview } from './chart-preview'
import { useImageUrl } from './upload-image'

function PreviewImage({ src, alt, caption }: { src: string; alt: string; caption?: string }) {
  const shown = useImageUrl(src)
  return (
    <figure style={{ margin: 0 }}>
      {shown ? <img src={shown} alt={alt} style={{ width: '100%', borderRadius: 8 }} /> : <Typography.Text type='secondary'>（未上传图片）</Typography.Text>}
      {caption ? <figcaption style={{ color: '#8c8c8c', fontSize: 13, textAlign: 'center', marginTop: 4 }}>{caption}</figcaption> : null}
    </figure>
  )
}

/** one block roughly as the app lays it out; text only ever as React text, never as HTML */
export function BlockPreview({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading':
      return (
        <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
          {block.text}
        </Typography.Title>
      )
    case 'paragraph':
      return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{block.text}</Typography.Paragraph>
    case 'image':
      return <PreviewImage src={block.src} alt={block.alt} caption={block.caption} />
    case 'keyFigures':
      return (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', gap: 8 }}>
          {block.items.map((item, i) => (
            <div key={i} style={{ background: '#f0f5ff', borderRadius: 8, padding: 12, textAlign: 'center' }}>
              <div style={{ fontSize: 24, fontWeight: 600, color: '#1d39c4' }}>
                {item.value}
                {item.unit ? <span style={{ fontSize: 13, marginLeft: 2 }}>{item.unit}</span> : null}
              </div>
              <div style={{ fontSize: 13, color: '#595959' }}>{item.caption}</div>
            </div>
          ))}
        </div>
      )
    case 'timeline':
      return (
        <Timeline
          items={block.items.map((item) => ({
            children: (
              <>
                <Typography.Text strong>{item.date}</Typography.Text> {item.title}
                {item.detail ? <div style={{ color: '#8c8c8c' }}>{item.detail}</div> : null}
              </>
            ),
          }))}
        />
      )
    case 'table':
      return (
        <Space direction='vertical' style={{ width: '100%' }}>
          {block.title ? <Typography.Text strong>{block.title}</Typography.Text> : null}
          <Table
            size='small'
            bordered
            pagination={false}
            columns={block.columns.map((title, i) => ({ title, dataIndex: String(i), key: String(i) }))}
            dataSource={block.rows.map((row, r) => ({ key: r, ...Object.fromEntries(row.map((cell, i) => [String(i), cell])) }))}
          />
        </Space>
      )
    case 'chart':
      return <ChartPreview chart={block.chart} title={block.title} height={240} />
    case 'callout':
      return (
        <Alert
          type={block.tone === 'key' ? 'info' : 'warning'}
          showIcon
          message={`${CALLOUT_TONE_LABELS[block.tone]}：${block.title}`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{block.text}</span>}
        />
      )
    case 'faq':
      return (
        <Collapse
          items={block.items.map((item, i) => ({
            key: item.id || String(i),
            label: item.question,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{item.answer}</span>,
          }))}
        />
      )
  }
}

export function BlocksPreview({ blocks }: { blocks: Block[] }) {
  return (
    <Space direction='vertical' size='middle' style={{ width: '100%' }}>
      {blocks.map((block, i) => (
        <BlockPreview key={i} block={block} />
      ))}
    </Space>
  )
}
