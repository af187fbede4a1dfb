import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { lectureRoutes } from '@/utils/routes'
import './lectures.scss'

export const PRIVACY_AGREE_BUTTON_ID = 'lec-privacy-agree'

export interface PrivacyPopupProps {
  onAgree: () => void
  onDisagree: () => void
}

/**
 * 隐私保护提示: what is collected and why, a link to the full 隐私说明, and a button that agrees.
 * On weapp the button is open-type="agreePrivacyAuthorization", so the base library sees the tap
 * before the phone field may be used.
 */
export function PrivacyPopup({ onAgree, onDisagree }: PrivacyPopupProps) {
  return (
    <View className='lec-mask' catchMove>
      <View className='lec-sheet' role='dialog' aria-modal='true' aria-label='隐私保护提示'>
        <Text className='lec-sheet__title'>隐私保护提示</Text>
        <Text className='lec-sheet__text'>
          点单需要填写联系人姓名和手机号，仅用于派单员和宣讲员与您约定宣讲时间地点；列表中手机号始终隐藏中间四位，不用于其他用途。
        </Text>
        <View className='lec-link' role='link' onClick={() => Taro.navigateTo({ url: lectureRoutes.privacy })}>
          查看《政策通隐私说明》
        </View>
        <View className='lec-row'>
          <Button role='button' className='lec-btn lec-btn--ghost' onClick={onDisagree}>
            不同意
          </Button>
          <Button
            role='button'
            id={PRIVACY_AGREE_BUTTON_ID}
            className='lec-btn'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={onAgree}
            onClick={process.env.TARO_ENV === 'weapp' ? undefined : onAgree}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
