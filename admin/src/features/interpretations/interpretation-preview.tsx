import { Divider, Drawer, Space, Tag, Typography } from 'antd'
import type { InterpretationDraft } from '@common/contract'
import { kindLabel } from '@common/labels/interpretation-kinds'
import { BlocksPreview } from '../blocks/blocks-preview'
import { useImageUrl } from '../blocks/upload-image'

/** the interpretation about as a resident's phone shows it: a narrow column, text only as React text */
export function InterpretationPreview({ draft }: { draft: InterpretationDraft }) {
  const cover = useImageUrl(draft.cover)
  return (
    <article aria-label='解读预览' style={{ maxWidth: 420, margin: '0 auto' }}>
      {cover ? <img src={cover} alt='' style={{ width: '100%', borderRadius: 8, marginBottom: 12 }} /> : null}
      <Space size={4} style={{ marginBottom: 8 }}>
        <Tag color='blue'>{kindLabel[draft.kind]}</Tag>
        {draft.department ? <Tag>{draft.department}</Tag> : null}
      </Space>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {draft.title || '（未填写标题）'}
      </Typography.Title>
      {draft.summary ? <Typography.Paragraph type='secondary'>{draft.summary}</Typography.Paragraph> : null}
      <Divider style={{ margin: '12px 0' }} />
      <BlocksPreview blocks={draft.blocks} />
    </article>
  )
}

export function InterpretationPreviewDrawer({ draft, open, onClose }: { draft: InterpretationDraft; open: boolean; onClose: () => void }) {
  return (
    <Drawer title='预览（居民端效果示意）' width={520} open={open} onClose={onClose} destroyOnHidden>
      <InterpretationPreview draft={draft} />
    </Drawer>
  )
}
