export default definePageConfig({
  navigationBarTitleText: '宣讲签到',
})
