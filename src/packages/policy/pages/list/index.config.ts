export default definePageConfig({
  navigationBarTitleText: '政策库',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
