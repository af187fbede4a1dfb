import { Text, View } from '@tarojs/components'
import type { PolicyValidity } from '@common/contract'
import { validityLabel } from '@common/labels/policy-validity'
import './validity-banner.scss'

const hint: Record<PolicyValidity, string> = {
  valid: '本文件现行有效',
  revised: '本文件已被修订，请以新版为准',
  repealed: '本文件已废止，仅供查阅',
}

/** 有效 / 已修订 / 已废止, with the note and a link to what replaced it. */
export function ValidityBanner({ validity, note, onOpenReplacement }: { validity: PolicyValidity; note?: string; onOpenReplacement?: () => void }) {
  return (
    <View className={`validity-banner validity-banner--${validity}`} role={validity === 'valid' ? 'status' : 'alert'}>
      <Text className='validity-banner__label'>{validityLabel[validity]}</Text>
      <View className='validity-banner__body'>
        <Text className='validity-banner__hint'>{hint[validity]}</Text>
        {note ? <Text className='validity-banner__note'>{note}</Text> : null}
        {onOpenReplacement ? (
          <Text className='validity-banner__link' onClick={onOpenReplacement}>
            查看新版文件 ›
          </Text>
        ) : null}
      </View>
    </View>
  )
}
