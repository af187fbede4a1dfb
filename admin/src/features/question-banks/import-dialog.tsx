import { DownloadOutlined } from '@ant-design/icons'
import { Alert, Button, Checkbox, Modal, Space, Table, Typography, Upload } from 'antd'
import type { UploadFile } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useRef, useState } from 'react'
import type { BankImportResult, BankImportRow, BankLockState } from '@common/contract'
import { BANK_IMPORT_COLUMNS } from '@common/contract'
import { downloadFromApi } from '../../components/download'
import { errorMessage } from '../../components/error-state'
import { bankApi } from './question-banks-api'

const columns: ColumnsType<BankImportRow> = [
  { title: '行号', dataIndex: 'row', width: 64 },
  { title: '题干', dataIndex: 'stem', ellipsis: true },
  {
    title: '问题',
    dataIndex: 'errors',
    width: 340,
    render: (errors: BankImportRow['errors']) =>
      errors.length ? (
        <Typography.Text type='danger'>{errors.map((e) => `${e.field}：${e.message}`).join('；')}</Typography.Text>
      ) : (
        <Typography.Text type='success'>可导入</Typography.Text>
      ),
  },
]

export interface ImportDialogProps {
  bankId: string
  open: boolean
  /** the newest version's state: a locked or frozen one takes an import only into a new version */
  lock: BankLockState
  onClose: () => void
  onImported: (result: BankImportResult) => void
}

/** 导入题目: template, file, 预检 with every row's errors, then 导入 (all or nothing) */
export function ImportDialog({ bankId, open, lock, onClose, onImported }: ImportDialogProps) {
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<BankImportResult | null>(null)
  const [busy, setBusy] = useState<'dry' | 'import' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [newVersion, setNewVersion] = useState(lock !== 'open')
  const key = useRef(crypto.randomUUID())
  const mustCopy = lock !== 'open'

  const reset = () => {
    setFile(null)
    setPreview(null)
    setError(null)
    key.current = crypto.randomUUID()
  }

  const send = async (dryRun: boolean) => {
    if (!file) return
    setBusy(dryRun ? 'dry' : 'import')
    setError(null)
    try {
      const result = await bankApi.import(bankId, file, { dryRun, newVersion: mustCopy || newVersion, ...(dryRun ? {} : { idempotencyKey: key.current }) })
      if (dryRun) setPreview(result)
      else {
        reset()
        onImported(result)
      }
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const fileList: UploadFile[] = file ? [{ uid: 'import-file', name: file.name, status: 'done' }] : []
  const canImport = preview !== null && preview.invalid === 0 && preview.rows.length > 0

  return (
    <Modal
      title='导入题目'
      open={open}
      width={880}
      onCancel={() => {
        reset()
        onClose()
      }}
      footer={[
        <Button key='cancel' onClick={onClose}>
          取消
        </Button>,
        <Button key='dry' onClick={() => void send(true)} disabled={!file} loading={busy === 'dry'}>
          预检
        </Button>,
        <Button key='import' type='primary' onClick={() => void send(false)} disabled={!canImport || busy !== null} loading={busy === 'import'}>
          导入
        </Button>,
      ]}
    >
      <Alert
        type='info'
        showIcon
        style={{ marginBottom: 12 }}
        message='CSV 或 XLSX，第一行为表头'
        description={`列为：${Object.values(BANK_IMPORT_COLUMNS).join('、')}。题型填单选或多选；答案填选项字母（多选如 AC）；主题填主题名称。先预检查看每一行的问题，全部无误才能导入，要么全部导入，要么一题也不导入。`}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void downloadFromApi('/admin/question-banks/import-template', {}, '题库导入模板.csv').catch((e) => setError(errorMessage(e)))}
        >
          下载模板
        </Button>
        <Upload
          accept='.csv,.xlsx'
          maxCount={1}
          fileList={fileList}
          beforeUpload={(f) => {
            setFile(f)
            setPreview(null)
            setError(null)
            return false
          }}
          onRemove={() => reset()}
        >
          <Button>选择文件</Button>
        </Upload>
        {mustCopy ? (
          <Typography.Text type='warning'>当前版本已被竞赛使用，导入将另存为新版本</Typography.Text>
        ) : (
          <Checkbox checked={newVersion} onChange={(e) => setNewVersion(e.target.checked)}>
            另存为新版本后导入
          </Checkbox>
        )}
      </Space>
      {error ? <Alert type='error' showIcon role='alert' message={error} style={{ marginBottom: 12 }} /> : null}
      {preview ? (
        <>
          <Typography.Paragraph>
            {preview.invalid === 0
              ? `共 ${preview.rows.length} 行，全部可以导入`
              : `共 ${preview.rows.length} 行，其中 ${preview.invalid} 行有问题，请修改文件后重新预检`}
          </Typography.Paragraph>
          <Table<BankImportRow>
            rowKey='row'
            size='small'
            columns={columns}
            dataSource={preview.rows}
            rowClassName={(r) => (r.errors.length ? 'row-has-errors' : '')}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            scroll={{ y: 300 }}
          />
        </>
      ) : null}
    </Modal>
  )
}
