import { Button, Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import './search.scss'

export interface SearchNextStepsProps {
  q: string
  /** nothing was found: said first, with the two ways on as buttons */
  empty: boolean
  onAsk: () => void
  onConsult: () => void
}

/** Where to go when the search did not find it: 问政策 (智能问答) and 向部门咨询 (the question prefilled). */
export function SearchNextSteps({ q, empty, onAsk, onConsult }: SearchNextStepsProps) {
  if (!empty) {
    return (
      <View className='search-next search-next--quiet'>
        <Text className='search-next__hint'>没找到想要的？</Text>
        <View className='search-next__link' role='link' onClick={onAsk}>
          问政策 ›
        </View>
        <View className='search-next__link' role='link' onClick={onConsult}>
          向部门咨询 ›
        </View>
      </View>
    )
  }
  return (
    <Card className='search-next'>
      <View role='status'>
        <Text className='search-next__title'>{`没有找到与“${q}”相关的内容`}</Text>
        <Text className='search-next__hint'>换个说法再搜，或者直接问：智能问答会试着回答，部门工作人员会答复你的咨询。</Text>
        <View className='search-next__buttons'>
          <Button role='button' className='search-next__button' onClick={onAsk}>
            问政策
          </Button>
          <Button role='button' className='search-next__button search-next__button--accent' onClick={onConsult}>
            向部门咨询
          </Button>
        </View>
      </View>
    </Card>
  )
}
