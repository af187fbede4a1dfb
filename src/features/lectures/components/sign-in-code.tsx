import { Text } from '@tarojs/components'
import { Card } from '@/components/card'
import type { SignInCode } from '@common/contract'
import { QrCode } from './qr-code'
import './lectures.scss'

/** For the lecturer: the QR code attendees scan, the six digits they may type, and the count. */
export function SignInCodePanel({ code }: { code: SignInCode }) {
  return (
    <Card className='lec-card'>
      <Text className='lec-card__title'>现场签到</Text>
      <QrCode text={code.payload} label={`签到二维码，签到码${code.code}`} />
      <Text className='lec-code' aria-label={`签到码 ${code.code}`}>
        {code.code}
      </Text>
      <Text className='lec-card__meta' style={{ textAlign: 'center' }}>
        请听众用政策通“签到”扫码或输入签到码 · 已签到 {code.signedIn} 人
      </Text>
    </Card>
  )
}
