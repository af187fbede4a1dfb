export default definePageConfig({ navigationBarTitleText: '网络课堂', enablePullDownRefresh: true })
