import { AskBox, AskExamples, AskFooter, AskResults, AskSuggestions } from '@/features/qa/components/ask-parts'
import { useAsk } from '@/features/qa/hooks/use-ask'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { useDismissFirstScreen } from '@/utils/first-screen'

/** 智能问答: ask like in a chat, get the FAQ that answers it with its source, or go on to a department */
export default function AskPage() {
  const ask = useAsk()
  // H5: the page waits for nothing to draw its box (a question's answer has its own placeholder): the server's first screen goes at once
  useDismissFirstScreen(true)
  return (
    <ThemePage className='qa'>
      <AskBox ask={ask} />
      <AskSuggestions ask={ask} />
      <AskExamples ask={ask} />
      <AskResults ask={ask} />
      <AskFooter ask={ask} />
    </ThemePage>
  )
}
