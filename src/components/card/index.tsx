import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface CardProps {
  children: ReactNode
  /** a heading at the card's top (a section title, read first by screen readers) */
  title?: string
  /** beside the title: a tag, a count, a 更多 link */
  extra?: ReactNode
  /** inner spacing: 'md' (16px, the default), 'none' for lists whose rows pad themselves */
  padding?: 'md' | 'none'
  /** 'inset' (the default) keeps the page gap around the card; 'flush' spans the page width with square corners */
  layout?: 'inset' | 'flush'
  /** the page's own class for what is particular to this card (never its background or corners) */
  className?: string
  /** a card that is itself a link or button: its whole face is one tap target */
  onTap?: () => void
  /**
   * what a screen reader says for a tappable card. Not `ariaLabel`: Taro's build renames a JSX
   * attribute ariaXxx to aria-xxx at every call site, so such a prop never arrives (jest does not).
   */
  label?: string
}

/**
 * The white surface every page puts its content on: background, corners and page gap live here,
 * once, so a theme or elder-mode change is one edit. A tappable card is a button to screen readers.
 */
export function Card({ children, title, extra, padding = 'md', layout = 'inset', className, onTap, label }: CardProps) {
  const classes = ['card', `card--pad-${padding}`, `card--${layout}`, onTap ? 'card--tappable' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes} onClick={onTap} role={onTap ? 'button' : undefined} aria-label={label}>
      {title ? (
        <View className='card__head'>
          <Text className='card__title' role='heading' aria-level={2}>
            {title}
          </Text>
          {extra ? <View className='card__extra'>{extra}</View> : null}
        </View>
      ) : null}
      {children}
    </View>
  )
}
