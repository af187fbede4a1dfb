import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { useEffect } from 'react'
import { RouterProvider, type createBrowserRouter } from 'react-router-dom'
import { useSession } from '../components/session-store'

dayjs.locale('zh-cn')

type Router = ReturnType<typeof createBrowserRouter>

/** the providers (Chinese locale, antd's message/modal context) around the console's router */
export function App({ router }: { router: Router }) {
  const start = useSession((s) => s.start)
  useEffect(() => {
    void start()
  }, [start])
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 4 } }}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  )
}
