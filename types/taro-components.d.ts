import '@tarojs/components/types/common'

// Taro's own components render custom elements on H5 (taro-button-core …) with no implicit ARIA
// role; every component may carry one (View already declares it).
declare module '@tarojs/components/types/common' {
  interface StandardProps {
    role?: string
  }
}
