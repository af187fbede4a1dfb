import { Text } from '@tarojs/components'
import { Card } from '@/components/card'
import '@/features/lectures/styles'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

const SECTIONS: [string, string][] = [
  [
    '我们收集什么',
    '使用宣讲点单时，我们收集您填写的联系人姓名、手机号、宣讲地点（县市区、乡镇街道、村社区和具体地点）、希望的时间和听众人数；签到时记录您的账号和签到时间；评价时记录您的星级和评价内容。',
  ],
  [
    '为什么收集',
    '姓名和手机号只用于派单员安排宣讲、宣讲员与您约定时间地点；地点和时间用于派单和排期；签到记录用于统计到场人数；评价用于改进宣讲并展示在宣讲菜单中（只显示村社区名称，不显示您的姓名和手机号）。',
  ],
  ['谁能看到', '完整手机号只有宣讲派单员和被指派的宣讲员可以看到；您本人和其他页面中，手机号始终显示为 138****1234 的形式。手机号不会写入服务器日志。'],
  [
    '订阅消息',
    '在微信中提交点单时，会询问您是否接收“宣讲点单进度”订阅消息；同意后，派单、接单、排期、完成等进展会通过微信服务通知告诉您。不同意也可以在“我的消息”中查看。',
  ],
  ['保存多久', '点单记录保存至宣讲完成后两年，用于宣讲工作统计；您可以联系市政务公开办要求更正或删除。'],
  ['联系我们', '台州市人民政府办公室政务公开科，工作日 8:30–17:00。'],
]

/** 隐私说明: what 宣讲点单 collects and why, in plain words. */
export default function PrivacyPage() {
  return (
    <ThemePage>
      <Card className='lec-card lec-first'>
        <Text className='lec-card__title'>政策通隐私说明（宣讲点单）</Text>
        <Text className='lec-card__meta'>依据《中华人民共和国个人信息保护法》，我们只收集办理点单所必需的信息。</Text>
      </Card>
      {SECTIONS.map(([title, text]) => (
        <Card key={title} className='lec-card'>
          <Text className='lec-card__title'>{title}</Text>
          <Text className='lec-card__summary'>{text}</Text>
        </Card>
      ))}
    </ThemePage>
  )
}
