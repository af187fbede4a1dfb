import { Card } from '@/components/card'
import { ToggleSwitch } from '@/components/toggle-switch'
import { useHideName } from '../hooks/use-hide-name'
import '../quiz.scss'

/** 在个人排行榜隐藏我的姓名, for a signed-in resident; `onSaved` reloads the board */
export function HideNameCard({ token, onSaved }: { token: string; onSaved: () => void }) {
  const { hidden, toggle } = useHideName(token, onSaved)
  return (
    <Card className='quiz-card--gap-above'>
      <ToggleSwitch label='在个人排行榜隐藏我的姓名' checked={hidden} onChange={toggle} />
    </Card>
  )
}
