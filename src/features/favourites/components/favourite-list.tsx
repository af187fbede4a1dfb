import { useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { favouriteKindLabel, type FavouriteItem, type FavouriteKind } from '@common/contract'
import { mediaUrl, usePagedList, useSessionStore } from '@/api'
import { Card } from '@/components/card'
import { ChipBar } from '@/components/chip-bar'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { ListFooter } from '@/components/list-footer'
import { LoginNeeded } from '@/components/login-needed'
import { Skeleton } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { fromNow } from '@/utils/date'
import { routes } from '@/utils/routes'
import { getFavourites, setFavourite } from '../api/favourites'
import { favouriteKey, useFavouriteStore } from '../stores/favourite-store'
import './favourite-list.scss'

const KIND_CHIPS = (['policy', 'interpretation', 'video'] as const).map((id) => ({ id, name: favouriteKindLabel[id] }))

const EMPTY_HINT: Record<FavouriteKind | 'all', string> = {
  all: '看到有用的政策、解读或视频，点“☆ 收藏”，以后在这里找到它',
  policy: '在政策原文页点“☆ 收藏”',
  interpretation: '在解读页点“☆ 收藏”',
  video: '看视频时点“☆ 收藏”',
}

function urlOf(f: FavouriteItem): string {
  if (f.kind === 'policy') return routes.policyDetail(f.id)
  if (f.kind === 'interpretation') return routes.interpretationDetail(f.id)
  return routes.videoPlay(f.id)
}

/** 我的收藏: the signed-in resident's favourites of every kind (全部/政策/解读/视频), newest first. */
export function FavouriteList() {
  const userId = useSessionStore((s) => s.user?.id)
  if (!userId) return <LoginNeeded what='查看您的收藏' hint='收藏保存在您的账号里，换台手机也能看到' />
  return <AccountFavourites key={userId} userId={userId} />
}

function AccountFavourites({ userId }: { userId: string }) {
  const [kind, setKind] = useState<FavouriteKind>()
  const list = usePagedList((page) => getFavourites({ kind, page, pageSize: 20 }), [kind])
  // removed here (or un-favourited on an item's page since): gone from the list at once
  const known = useFavouriteStore((s) => s.known)
  const remember = useFavouriteStore((s) => s.set)
  const [removing, setRemoving] = useState<string>()
  useReachBottom(() => void list.loadMore())
  useDidShow(() => {
    if (list.items.length) void list.refresh()
  })

  const items = list.items.filter((f) => known[favouriteKey(userId, f.kind, f.id)] !== false)

  const remove = async (f: FavouriteItem) => {
    const key = favouriteKey(userId, f.kind, f.id)
    setRemoving(key)
    try {
      await setFavourite(f.kind, f.id, false)
      remember(key, false)
      void Taro.showToast({ title: '已取消收藏', icon: 'none' })
      // the last one on screen gone while more are on the server: the next ones come up
      if (items.length === 1 && list.hasMore) void list.refresh()
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error ? e.message : '操作失败，请重试', icon: 'none' })
    } finally {
      setRemoving(undefined)
    }
  }

  return (
    <View className='fav-list'>
      <View className='page__filters'>
        <ChipBar options={KIND_CHIPS} value={kind} onChange={(id) => setKind(id as FavouriteKind | undefined)} />
      </View>
      {list.loading && !list.items.length ? <Skeleton rows={3} /> : null}
      {list.error && !list.items.length ? <ErrorState message={list.error.message} onRetry={() => void list.refresh()} /> : null}
      {!list.loading && !list.error && items.length === 0 ? (
        <EmptyState
          title={kind ? `还没有收藏${favouriteKindLabel[kind]}` : '还没有收藏'}
          hint={EMPTY_HINT[kind ?? 'all']}
          actionText='去看政策解读'
          onAction={() => void Taro.switchTab({ url: routes.interpretations })}
        />
      ) : null}
      <View role='list'>
        {items.map((f) => (
          <FavouriteRow key={`${f.kind}:${f.id}`} item={f} removing={removing === favouriteKey(userId, f.kind, f.id)} onRemove={() => void remove(f)} />
        ))}
      </View>
      <ListFooter
        loading={list.loading}
        hasMore={list.hasMore}
        error={list.error?.message}
        count={items.length}
        onRetry={() => void (list.items.length ? list.loadMore() : list.refresh())}
      />
    </View>
  )
}

function FavouriteRow({ item: f, removing, onRemove }: { item: FavouriteItem; removing: boolean; onRemove: () => void }) {
  const open = () => {
    if (f.available) void Taro.navigateTo({ url: urlOf(f) })
    else void Taro.showToast({ title: '该内容已下架，可取消收藏', icon: 'none' })
  }
  return (
    <View role='listitem'>
      <Card className={`fav-row ${f.available ? '' : 'fav-row--gone'}`} padding='none'>
        <View className='fav-row__main' role='link' onClick={open}>
          {f.available && f.cover ? <Image className='fav-row__cover' src={mediaUrl(f.cover)} mode='aspectFill' aria-hidden /> : null}
          <View className='fav-row__body'>
            <View className='fav-row__tags'>
              <Tag tone='neutral'>{favouriteKindLabel[f.kind]}</Tag>
              {f.available ? null : <Tag tone='warning'>已下架</Tag>}
            </View>
            <Text className='fav-row__title'>{f.title}</Text>
            {f.summary ? <Text className='fav-row__summary'>{f.summary}</Text> : null}
            <Text className='fav-row__at'>收藏于 {fromNow(f.createdAt)}</Text>
          </View>
        </View>
        <Button role='button' className='fav-row__remove' aria-label={`取消收藏：${f.title}`} disabled={removing || undefined} onClick={onRemove}>
          取消收藏
        </Button>
      </Card>
    </View>
  )
}
