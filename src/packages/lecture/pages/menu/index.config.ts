export default definePageConfig({
  navigationBarTitleText: '宣讲菜单',
  enablePullDownRefresh: true,
})
