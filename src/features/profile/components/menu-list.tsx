import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import './menu-list.scss'

/**
 * 我的's lists: one Card of rows (a row pads itself), a list to screen readers when it is one. The
 * spoken names are `name`/`spoken`, never `ariaLabel`: Taro's build renames a JSX attribute ariaXxx
 * to aria-xxx, so a component prop of that name never arrives.
 */
export function MenuList({ name, list = true, children }: { name?: string; list?: boolean; children: ReactNode }) {
  return (
    <Card className='mine__list' padding='none'>
      <View role={list ? 'list' : undefined} aria-label={name}>
        {children}
      </View>
    </Card>
  )
}

export function Chevron() {
  return (
    <Text className='mine__chevron' aria-hidden>
      ›
    </Text>
  )
}

/** one row that opens a page: its label, an optional badge, the › */
export function MenuItem({ label, spoken, end, onTap }: { label: string; spoken?: string; end?: ReactNode; onTap: () => void }) {
  return (
    <View className='mine__item' role='listitem' aria-label={spoken} onClick={onTap}>
      <Text>{label}</Text>
      {end ? (
        <View className='mine__item-end'>
          {end}
          <Chevron />
        </View>
      ) : (
        <Chevron />
      )}
    </View>
  )
}
