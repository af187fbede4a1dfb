export default definePageConfig({
  navigationBarTitleText: '政策短视频',
  navigationBarBackgroundColor: '#000000',
  enableShareAppMessage: true,
})
