import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { useOutboxSync } from '@/api/use-outbox'
import { useDemoModeCheck } from '@/components/demo-banner'
import { useDocumentTheme } from '@/features/elder-mode/use-document-theme'
import { useKeyboardAccess } from '@/features/elder-mode/use-keyboard-access'
import { useIdleReturn } from '@/features/service-point/use-idle-return'
import { switchParticipantIfUsed } from '@/pages/switch-participant'
import { initDates } from '@/utils/date'
import { useFirstScreenDeadline } from '@/utils/first-screen'
import { useNoJavascriptUrls } from '@/utils/no-javascript-urls'
import { useServiceWorker } from '@/utils/service-worker'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initDates()
  })
  // text size and elder mode: tokens on <html> (H5), the system font setting followed
  useDocumentTheme()
  // H5: role=button/link views reachable with Tab and answering Enter/Space
  useKeyboardAccess()
  // the outbox: queued writes go out at launch, on reconnect and while the server is back
  useOutboxSync()
  // the local demo (dev login on): a 演示模式 banner on every page
  useDemoModeCheck()
  // a 便民服务点 kiosk (H5): idle for the configured time → the next person starts clean
  useIdleReturn(switchParticipantIfUsed)
  // H5: a server-drawn first screen never outstays its page (src/utils/first-screen.ts)
  useFirstScreenDeadline()
  // H5: the tab bar's javascript: links are not followed (the CSP allows no inline script)
  useNoJavascriptUrls()
  // H5: offline and installable (precached app, 「新版本可用，点击刷新」)
  useServiceWorker()
  return children
}

export default App
