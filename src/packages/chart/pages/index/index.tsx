import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'

/**
 * The chart subpackage (weapp only) exists for its module `packages/chart/lib.js` (ECharts,
 * loaded by the interpretation and quiz pages through `require.async`); WeChat wants a page in
 * every subpackage, and this is it. Nothing links here; anyone who lands here gets a way home.
 */
export default function ChartPackagePage() {
  return (
    <View style={{ padding: '32px 16px', textAlign: 'center' }}>
      <Text style={{ display: 'block', marginBottom: '16px' }}>这里是图表组件，没有可阅读的内容。</Text>
      <Button onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>返回首页</Button>
    </View>
  )
}
