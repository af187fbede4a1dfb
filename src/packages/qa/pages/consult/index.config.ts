export default definePageConfig({
  navigationBarTitleText: '政策咨询',
})
