import { HistoryOutlined } from '@ant-design/icons'
import { Alert, Breadcrumb, Button, Form, Result, Space, Spin, Typography } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { EditorialAction, EditorialCheck, EditorialDraft, EditorialDrafts, EditorialItem, EditorialType, FieldErrors } from '@common/contract'
import { EDITORIAL_ACTION_LABELS, EDITORIAL_TYPE_LABELS } from '@common/contract'
import { ApiRequestError } from '../../api/client'
import { BannerForm } from '../banners/banner-form'
import { FaqForm } from '../faqs/faq-form'
import { InterpretationForm } from '../interpretations/interpretation-form'
import { PolicyForm } from '../policies/policy-form'
import { CourseForm } from '../media-admin/course-form'
import { VideoForm } from '../media-admin/video-form'
import { canEdit } from './allowed-actions'
import { blankDraft } from './blank-drafts'
import { CheckList } from './check-list'
import { ConflictModal } from './conflict-modal'
import { useCurrentUser } from './current-user'
import type { DraftFormProps } from './draft-form'
import { editorialApi, type TransitionBody } from './editorial-api'
import { OrgSelect } from './form-support'
import { typePath } from './labels'
import { NavigationGuard } from './navigation-guard'
import { VersionsDrawer } from './versions-drawer'
import { WorkflowBar } from './workflow-bar'

function DraftForm({ type, ...props }: { type: EditorialType } & DraftFormProps<EditorialType>) {
  switch (type) {
    case 'policy':
      return <PolicyForm {...(props as DraftFormProps<'policy'>)} />
    case 'interpretation':
      return <InterpretationForm {...(props as DraftFormProps<'interpretation'>)} />
    case 'faq':
      return <FaqForm {...(props as DraftFormProps<'faq'>)} />
    case 'banner':
      return <BannerForm {...(props as DraftFormProps<'banner'>)} />
    case 'video':
      return <VideoForm {...(props as DraftFormProps<'video'>)} />
    case 'course':
      return <CourseForm {...(props as DraftFormProps<'course'>)} />
  }
}

const title = (type: EditorialType, draft: EditorialDraft) =>
  (type === 'faq' ? (draft as EditorialDrafts['faq']).question : (draft as { title: string }).title) || '（未填写标题）'

const LOCKED_TEXT: Partial<Record<EditorialItem['status'], string>> = {
  in_review: '待审核期间不能修改；如需修改，请审核人员退回。',
  scheduled: '已定时发布，不能修改；如需修改，请先撤回定时发布。',
}

interface Conflict {
  mine: EditorialDraft
  theirs?: EditorialItem
}

/** the editor of one item (or of a new one at /<type>/new): its form, 保存 and the workflow */
export function EditorialEditPage({ type }: { type: EditorialType }) {
  const { id } = useParams<{ id: string }>()
  const isNew = !id
  const navigate = useNavigate()
  const user = useCurrentUser()
  const [item, setItem] = useState<EditorialItem>()
  const [draft, setDraft] = useState<EditorialDraft | undefined>(() => (isNew ? blankDraft(type) : undefined))
  const [orgCode, setOrgCode] = useState<string | undefined>(user?.org.code)
  const [formKey, setFormKey] = useState(0)
  const [dirty, setDirty] = useState(false)
  const [loadError, setLoadError] = useState<ApiRequestError>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>()
  const [checks, setChecks] = useState<{ title: string; list: EditorialCheck[] }>()
  const [busy, setBusy] = useState(false)
  const [conflict, setConflict] = useState<Conflict>()
  const [versionsOpen, setVersionsOpen] = useState(false)
  const draftRef = useRef(draft)
  draftRef.current = draft

  /** shows the server's item as the page's state: the form starts again from its draft */
  const take = useCallback((next: EditorialItem) => {
    setItem(next)
    setDraft(next.draft)
    setDirty(false)
    setFormKey((k) => k + 1)
  }, [])

  const load = useCallback(async () => {
    if (!id) return
    setLoadError(undefined)
    try {
      take(await editorialApi.get(type, id))
    } catch (e) {
      setLoadError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'internal', '加载失败'))
    }
  }, [type, id, take])

  useEffect(() => {
    void load()
  }, [load])

  const userOrg = user?.org.code
  useEffect(() => {
    if (userOrg) setOrgCode((current) => current ?? userOrg)
  }, [userOrg])

  const openConflict = async () => {
    const mine = draftRef.current as EditorialDraft
    setConflict({ mine })
    if (!id) return
    try {
      const theirs = await editorialApi.get(type, id)
      setConflict({ mine, theirs })
    } catch (e) {
      setConflict(undefined)
      setError(e instanceof ApiRequestError ? e.message : '读取最新内容失败')
    }
  }

  /** a refusal as the user sees it: on its fields, as findings, as the conflict dialog, or as a message */
  const refused = (e: unknown, what: string) => {
    if (!(e instanceof ApiRequestError)) {
      setError(`${what}失败，请重试`)
      return
    }
    if (e.status === 409) {
      void openConflict()
      return
    }
    if (e.fields) setFieldErrors(e.fields)
    if (e.checks) {
      setChecks({ title: `${what}未通过`, list: e.checks })
      setFieldErrors(checkErrors(e.checks))
    }
    setError(e.message)
  }

  const save = async () => {
    if (!draft) return
    setBusy(true)
    setError(undefined)
    setNotice(undefined)
    setFieldErrors(undefined)
    try {
      if (isNew) {
        if (!orgCode) {
          setError('请选择维护单位')
          return
        }
        const created = await editorialApi.create(type, { orgCode, draft })
        setDirty(false)
        // the dirty guard must not ask about a draft that is now saved
        setTimeout(() => navigate(`${typePath(type)}/${created.id}`, { replace: true }))
      } else if (item) {
        take(await editorialApi.update(type, item.id, item.revision, draft))
        setNotice('已保存')
      }
    } catch (e) {
      refused(e, '保存')
    } finally {
      setBusy(false)
    }
  }

  const act = async (action: EditorialAction, body: TransitionBody) => {
    if (!item) return
    setBusy(true)
    setError(undefined)
    setNotice(undefined)
    setFieldErrors(undefined)
    try {
      const after = await editorialApi.transition(type, item.id, action, body)
      take(await editorialApi.get(type, item.id).catch(() => after))
      if (action === 'submit') setChecks(after.checks.length ? { title: '已送审，请留意以下提醒', list: after.checks } : undefined)
      else setChecks(undefined)
      setNotice(`${EDITORIAL_ACTION_LABELS[action]}成功`)
    } catch (e) {
      refused(e, EDITORIAL_ACTION_LABELS[action])
    } finally {
      setBusy(false)
    }
  }

  const check = async () => {
    if (!item) return
    setBusy(true)
    setError(undefined)
    try {
      const list = await editorialApi.check(type, item.id)
      setChecks({ title: '检查结果', list })
      setFieldErrors(checkErrors(list))
    } catch (e) {
      refused(e, '检查')
    } finally {
      setBusy(false)
    }
  }

  const label = EDITORIAL_TYPE_LABELS[type]
  if (loadError) {
    return (
      <Result
        status={loadError.status === 404 ? '404' : loadError.status === 403 ? '403' : 'error'}
        title={loadError.status === 404 ? '找不到该内容' : loadError.status === 403 ? '无权查看' : '加载失败'}
        subTitle={loadError.message}
        extra={
          <Space>
            <Button onClick={() => void load()}>重试</Button>
            <Button type='primary' onClick={() => navigate(typePath(type))}>
              返回列表
            </Button>
          </Space>
        }
      />
    )
  }
  if (!draft || (!isNew && !item)) return <Spin style={{ display: 'block', margin: '80px auto' }} aria-label='加载中' />

  const editable = canEdit(item?.status, user?.role)
  const locked = item ? LOCKED_TEXT[item.status] : undefined

  return (
    <div>
      <NavigationGuard when={dirty} />
      <Breadcrumb items={[{ title: <Link to={typePath(type)}>{label}</Link> }, { title: isNew ? '新建' : title(type, draft) }]} />
      <Space style={{ width: '100%', justifyContent: 'space-between', margin: '12px 0 0' }} align='center'>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {isNew ? `新建${label}` : title(type, draft)}
        </Typography.Title>
        <Space>
          {dirty && <Typography.Text type='warning'>有未保存的修改</Typography.Text>}
          {editable && (
            <Button type='primary' onClick={() => void save()} loading={busy} disabled={!isNew && !dirty}>
              保存
            </Button>
          )}
        </Space>
      </Space>

      {item && (
        <WorkflowBar
          item={item}
          role={user?.role}
          dirty={dirty}
          busy={busy}
          onAction={(a, b) => void act(a, b)}
          onCheck={() => void check()}
          onVersions={() => setVersionsOpen(true)}
        />
      )}

      <Space direction='vertical' style={{ width: '100%', marginBottom: 16 }}>
        {item?.status === 'rejected' && item.rejectReason && (
          <Alert
            type='error'
            showIcon
            message={`已退回${item.reviewer ? `（${item.reviewer.name}）` : ''}`}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>退回理由：{item.rejectReason}</span>}
          />
        )}
        {error && <Alert type='error' showIcon message={error} closable onClose={() => setError(undefined)} />}
        {notice && <Alert type='success' showIcon message={notice} closable onClose={() => setNotice(undefined)} />}
        {locked && <Alert type='info' showIcon message={locked} />}
        {item?.selfReview && <Alert type='warning' showIcon message='本内容由作者本人审核通过（单位已允许自审，已记录）' />}
        {checks && <CheckList type={type} checks={checks.list} title={checks.title} />}
        {!checks && item && item.checks.length > 0 && <CheckList type={type} checks={item.checks} title='上次送审的检查结果' />}
      </Space>

      {isNew && (
        <Form layout='vertical' style={{ maxWidth: 360 }}>
          <Form.Item label='维护单位' required>
            <OrgSelect aria-label='维护单位' value={orgCode} onChange={setOrgCode} placeholder='选择维护单位' />
          </Form.Item>
        </Form>
      )}

      <DraftForm
        key={formKey}
        type={type}
        value={draft}
        onChange={(next) => {
          setDraft(next)
          setDirty(true)
        }}
        fieldErrors={fieldErrors}
        readOnly={!editable}
      />

      {item && (
        <>
          <Button icon={<HistoryOutlined />} type='link' onClick={() => setVersionsOpen(true)} style={{ paddingLeft: 0 }}>
            查看版本记录
          </Button>
          <VersionsDrawer type={type} id={item.id} open={versionsOpen} onClose={() => setVersionsOpen(false)} />
        </>
      )}
      {conflict && (
        <ConflictModal
          type={type}
          mine={conflict.mine}
          theirs={conflict.theirs}
          onCancel={() => setConflict(undefined)}
          onReload={() => {
            if (conflict.theirs) take(conflict.theirs)
            setConflict(undefined)
            setError(undefined)
            setNotice('已加载他人保存的最新内容')
          }}
        />
      )}
    </div>
  )
}

/** the error findings that name a field, as field errors of the form */
function checkErrors(checks: EditorialCheck[]): FieldErrors | undefined {
  const fields: FieldErrors = {}
  for (const c of checks) if (c.level === 'error' && c.field) fields[`draft.${c.field}`] = c.message
  return Object.keys(fields).length ? fields : undefined
}
