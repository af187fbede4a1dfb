export default definePageConfig({ navigationBarTitleText: '课程学习', navigationBarBackgroundColor: '#000000' })
