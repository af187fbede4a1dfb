export default definePageConfig({
  navigationBarTitleText: '宣讲点单',
})
