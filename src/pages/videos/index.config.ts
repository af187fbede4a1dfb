export default definePageConfig({
  navigationBarTitleText: '政策短视频',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
