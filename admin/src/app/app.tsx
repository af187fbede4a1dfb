import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { useEffect, useState } from 'react'
import { createBrowserRouter, RouterProvider } from 'react-router-dom'
import { useSession } from '../components/session-store'
import { PROVIDER_FUTURE, ROUTER_FUTURE } from './router-future'
import { consoleRoutes } from './routes'

dayjs.locale('zh-cn')

/** the providers (Chinese locale, antd's message/modal context) around the console's routes */
/**
 * antd's default greys and red fall below WCAG AA contrast on white (axe: serious); these keep
 * secondary, placeholder and disabled text and error messages readable on office monitors
 */
const CONSOLE_THEME = {
  token: {
    colorPrimary: '#1f5fbf',
    borderRadius: 4,
    colorTextDescription: 'rgba(0,0,0,0.65)',
    colorTextTertiary: 'rgba(0,0,0,0.65)',
    colorTextPlaceholder: 'rgba(0,0,0,0.55)',
    colorTextQuaternary: 'rgba(0,0,0,0.55)',
    colorTextDisabled: 'rgba(0,0,0,0.6)',
    colorError: '#cf1322',
    // links and warning text are drawn in these: antd's defaults are below AA on white and on their tags' pale fills
    colorLink: '#1f5fbf',
    colorInfo: '#1f5fbf',
    colorWarning: '#ad6800',
  },
}

export function App() {
  const start = useSession((s) => s.start)
  const [router] = useState(() => createBrowserRouter(consoleRoutes, { basename: '/admin', future: ROUTER_FUTURE }))
  useEffect(() => {
    void start()
  }, [start])
  return (
    <ConfigProvider locale={zhCN} theme={CONSOLE_THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <RouterProvider router={router} future={PROVIDER_FUTURE} />
      </AntApp>
    </ConfigProvider>
  )
}
