import { Button, Text } from '@tarojs/components'
import type { ReadAloud } from '../use-read-aloud'
import './read-aloud-button.scss'

/** 朗读 / 停止朗读, and why nothing is heard when the device has no voice; nothing where the platform cannot speak. */
export function ReadAloudButton({ control, blocks, label = '朗读' }: { control: ReadAloud; blocks: () => string[]; label?: string }) {
  if (!control.supported) return null
  const on = control.reading >= 0
  return (
    <>
      <Button
        role='button'
        className={`read-aloud ${on ? 'read-aloud--on' : ''}`}
        aria-pressed={on}
        onClick={() => (on ? control.stop() : control.start(blocks()))}
      >
        {on ? '■ 停止朗读' : `▶ ${label}`}
      </Button>
      {control.notice ? (
        <Text className='read-aloud__notice' role='status'>
          {control.notice}
        </Text>
      ) : null}
    </>
  )
}
