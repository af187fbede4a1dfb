import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { useDocumentTheme } from '@/features/elder-mode/use-document-theme'
import { useKeyboardAccess } from '@/features/elder-mode/use-keyboard-access'
import { initDates } from '@/utils/date'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initDates()
  })
  // text size and elder mode: tokens on <html> (H5), the system font setting followed
  useDocumentTheme()
  // H5: role=button/link views reachable with Tab and answering Enter/Space
  useKeyboardAccess()
  return children
}

export default App
