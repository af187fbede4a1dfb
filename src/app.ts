import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initDates } from '@/utils/date'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initDates()
  })
  return children
}

export default App
