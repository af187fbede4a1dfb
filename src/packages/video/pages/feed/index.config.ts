export default definePageConfig({
  navigationBarTitleText: '刷政策短视频',
  navigationBarBackgroundColor: '#000000',
  backgroundColor: '#000000',
  enableShareAppMessage: true,
  disableScroll: true,
})
