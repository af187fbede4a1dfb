export default definePageConfig({
  navigationBarTitleText: '我的宣讲',
  enablePullDownRefresh: true,
})
