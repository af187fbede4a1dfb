export default definePageConfig({ navigationBarTitleText: '我能享受哪些政策' })
