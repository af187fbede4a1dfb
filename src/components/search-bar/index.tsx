import { useState } from 'react'
import { Button, Input, View } from '@tarojs/components'
import './index.scss'

export interface SearchBarProps {
  value?: string
  placeholder: string
  /** when set the bar is a button that opens search elsewhere */
  onTap?: () => void
  onSearch?: (q: string) => void
  autoFocus?: boolean
}

/** A search box: type and confirm (keyboard 搜索 or the button), or tap to open a search page. */
export function SearchBar({ value = '', placeholder, onTap, onSearch, autoFocus }: SearchBarProps) {
  const [text, setText] = useState(value)
  if (onTap) {
    return (
      <View className='search-bar search-bar--link' onClick={onTap} role='search' aria-label={placeholder}>
        <View className='search-bar__icon' aria-hidden />
        <View className='search-bar__placeholder'>{placeholder}</View>
      </View>
    )
  }
  const submit = () => onSearch?.(text.trim())
  return (
    <View className='search-bar' role='search'>
      <View className='search-bar__icon' aria-hidden />
      <Input
        className='search-bar__input'
        value={text}
        placeholder={placeholder}
        confirmType='search'
        focus={autoFocus}
        aria-label={placeholder}
        onInput={(e) => setText(e.detail.value)}
        onConfirm={submit}
      />
      <Button role='button' className='search-bar__button' onClick={submit}>
        搜索
      </Button>
    </View>
  )
}
