import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { PolicyFinder } from '@/features/policy-match/components/policy-finder'

/** 我能享受哪些政策 */
export default function PolicyMatchPage() {
  return (
    <ThemePage>
      <PolicyFinder />
    </ThemePage>
  )
}
