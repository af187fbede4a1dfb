export default definePageConfig({
  navigationBarTitleText: '宣讲日历',
  enablePullDownRefresh: true,
})
