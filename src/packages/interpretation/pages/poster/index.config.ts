export default definePageConfig({ navigationBarTitleText: '政策明白卡' })
