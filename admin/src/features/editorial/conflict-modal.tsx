import { Button, Modal, Space } from 'antd'
import { useState } from 'react'
import type { EditorialDraft, EditorialItem, EditorialType } from '@common/contract'
import { DraftDiff } from './draft-diff'
import { draftText } from './draft-text'

/**
 * 409 「已被他人修改」: someone saved since this page opened. Never overwrite silently: compare
 * my unsaved draft with theirs, take theirs (my changes are dropped), or go back and keep mine.
 */
export function ConflictModal(props: { type: EditorialType; mine: EditorialDraft; theirs?: EditorialItem; onReload: () => void; onCancel: () => void }) {
  const [comparing, setComparing] = useState(false)
  const { theirs } = props
  return (
    <Modal
      open
      title='该内容已被他人修改'
      width={comparing ? 1100 : 520}
      onCancel={props.onCancel}
      footer={
        <Space>
          <Button onClick={props.onCancel}>取消</Button>
          <Button onClick={() => setComparing((c) => !c)} disabled={!theirs}>
            {comparing ? '收起对比' : '对比'}
          </Button>
          <Button type='primary' danger onClick={props.onReload} disabled={!theirs}>
            重新加载
          </Button>
        </Space>
      }
    >
      <p>
        {theirs
          ? `${theirs.updatedBy.name} 在你打开之后保存了新的内容（工作版本 v${theirs.version}）。重新加载会放弃你未保存的修改；取消可继续编辑，但保存前需先处理冲突。`
          : '正在读取最新内容…'}
      </p>
      {comparing && theirs && (
        <DraftDiff
          before={draftText(props.type, theirs.draft)}
          after={draftText(props.type, props.mine)}
          beforeTitle='他人保存的内容'
          afterTitle='我未保存的修改'
        />
      )}
    </Modal>
  )
}
