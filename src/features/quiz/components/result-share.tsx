import { Button, Image, Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import type { AttemptResult, Campaign } from '@common/contract'
import { useResultCard } from '../hooks/use-result-card'
import { CardMaker } from './share/card-maker'
import '../quiz.scss'
import './result-share.scss'

/** 成绩卡片 and 参与证书 (when the campaign gives one): drawn as an image to save and share */
export function ResultShare({ result, campaign }: { result: AttemptResult; campaign: Campaign | undefined }) {
  const { card, show, onImage, shown, save, saving } = useResultCard(result, campaign)
  const weapp = process.env.TARO_ENV === 'weapp'
  return (
    <>
      <View className='quiz-actions'>
        <Button role='button' className='quiz-btn quiz-btn--ghost' onClick={() => show('result')}>
          成绩卡片
        </Button>
        {campaign?.rules.certificate ? (
          <Button role='button' className='quiz-btn quiz-btn--ghost' onClick={() => show('certificate')}>
            参与证书
          </Button>
        ) : null}
      </View>
      {card ? <CardMaker card={card} onImage={onImage} /> : null}
      {card && shown ? (
        <Card>
          {shown.src ? (
            <>
              <Image className='quiz-card-image' src={shown.src} mode='aspectFit' aria-label={card.kind === 'certificate' ? '参与证书图片' : '成绩卡片图片'} />
              <Button role='button' className='quiz-btn' loading={saving} disabled={saving || undefined} onClick={save}>
                {weapp ? '保存到相册' : '下载图片'}
              </Button>
            </>
          ) : (
            <Text className='quiz-panel__line'>图片生成失败，请稍后重试</Text>
          )}
        </Card>
      ) : null}
    </>
  )
}
