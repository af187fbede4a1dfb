import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { useEffect } from 'react'
import { BrowserRouter } from 'react-router-dom'
import { useSession } from '../components/session-store'
import { AppRoutes } from './routes'

dayjs.locale('zh-cn')

/** the providers (Chinese locale, antd's message/modal context) around the console's routes */
export function App() {
  const start = useSession((s) => s.start)
  useEffect(() => {
    void start()
  }, [start])
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 4 } }}>
      <AntApp>
        <BrowserRouter basename='/admin'>
          <AppRoutes />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  )
}
