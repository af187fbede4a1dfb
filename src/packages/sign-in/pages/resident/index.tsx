import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { ApiError, useSessionStore } from '@/api'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { wechatOaLogin } from '@/features/resident-sign-in/api/identity'
import { ResidentSignIn } from '@/features/resident-sign-in/components/resident-sign-in'
import { returnAfterSignIn } from '@/features/resident-sign-in/return-to'
import { forgetOaNonce, storedOaNonce } from '@/features/resident-sign-in/oa-nonce'

function decoded(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}

/**
 * 居民登录. `redirect`: the page that sent the resident here, opened again after sign-in. WeChat
 * web authorisation comes back here with `code` and `state`, exchanged once, and only when this
 * tab started it (its nonce is in sessionStorage).
 */
export default function ResidentSignInPage() {
  const params = useRouter().params
  const redirect = decoded(params.redirect)
  const signIn = useSessionStore((s) => s.signIn)
  const [oaError, setOaError] = useState<string>()
  const exchanged = useRef(false)
  const oaCode = params.code
  const oaState = params.state

  // only the tab that went to WeChat holds the nonce: a ?code=&state= link someone else started
  // (their WeChat account, sent to this person) is never exchanged here (review M3)
  const [oaNonce] = useState(() => (oaCode && oaState ? storedOaNonce() : undefined))

  useEffect(() => {
    if (!oaCode || !oaState || !oaNonce || exchanged.current) return
    exchanged.current = true
    forgetOaNonce()
    wechatOaLogin(oaCode, oaState, oaNonce)
      .then((session) => {
        signIn(session)
        returnAfterSignIn(session.redirect)
      })
      .catch((e: unknown) => setOaError(e instanceof ApiError ? e.message : '微信授权失败，请用手机号登录'))
  }, [oaCode, oaState, oaNonce, signIn])

  return (
    <ThemePage className='sign-in-page'>
      {oaCode && oaState && !oaNonce ? (
        <View className='sign-in sign-in__error' role='alert'>
          这个微信授权链接不是在本页面发起的，未登录。请在下方重新登录。
        </View>
      ) : null}
      {oaCode && oaNonce && !oaError ? (
        <View className='sign-in'>
          <Text className='sign-in__hint'>正在通过微信登录…</Text>
        </View>
      ) : (
        <>
          {oaError ? (
            <View className='sign-in sign-in__error' role='alert'>
              {oaError}
            </View>
          ) : null}
          <ResidentSignIn redirect={redirect} onSignedIn={() => returnAfterSignIn(redirect)} />
        </>
      )}
    </ThemePage>
  )
}
