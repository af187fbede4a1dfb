import { Button, Result } from 'antd'
import { Component, type ReactNode } from 'react'

const crashed = (
  <Result
    status='error'
    title='页面出错了'
    subTitle='请刷新页面重试；如果问题仍然存在，请联系管理员。'
    extra={
      <Button type='primary' onClick={() => window.location.reload()}>
        刷新页面
      </Button>
    }
  />
)

/** a render error below it shows a Chinese message instead of a blank page */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  render() {
    return this.state.failed ? crashed : this.props.children
  }
}
