export default definePageConfig({
  navigationBarTitleText: '政策通',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
