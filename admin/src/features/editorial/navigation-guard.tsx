import { Modal } from 'antd'
import { useContext, useEffect } from 'react'
import { UNSAFE_DataRouterContext, useBlocker } from 'react-router-dom'

const LEAVE_TITLE = '有未保存的修改'
const LEAVE_TEXT = '离开后未保存的修改将丢失，确定离开吗？'

function RouteBlocker({ when }: { when: boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname)
  return (
    <Modal
      open={blocker.state === 'blocked'}
      title={LEAVE_TITLE}
      okText='离开'
      cancelText='留下'
      okButtonProps={{ danger: true }}
      onOk={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      {LEAVE_TEXT}
    </Modal>
  )
}

/**
 * Asks before unsaved changes are lost: closing or reloading the tab (beforeunload), and leaving
 * the page inside the console — useBlocker works only under a data router, so without one
 * (an embedding that uses <BrowserRouter>) only the tab is guarded.
 */
export function NavigationGuard({ when }: { when: boolean }) {
  const dataRouter = useContext(UNSAFE_DataRouterContext)
  useEffect(() => {
    if (!when) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = LEAVE_TEXT
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [when])
  return dataRouter ? <RouteBlocker when={when} /> : null
}
