import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import './menu-list.scss'

/** 我的's lists: one Card of rows (a row pads itself), a list to screen readers when it is one */
export function MenuList({ ariaLabel, list = true, children }: { ariaLabel?: string; list?: boolean; children: ReactNode }) {
  return (
    <Card className='mine__list' padding='none'>
      <View role={list ? 'list' : undefined} aria-label={ariaLabel}>
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
export function MenuItem({ label, ariaLabel, end, onTap }: { label: string; ariaLabel?: string; end?: ReactNode; onTap: () => void }) {
  return (
    <View className='mine__item' role='listitem' aria-label={ariaLabel} onClick={onTap}>
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
