import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { useSubmit } from '@/utils/use-submit'
import { routes } from '@/utils/routes'
import { submitApplication } from '../api'
import { askForFoiaMessages } from '../config'
import { dropFoiaDraft, type FoiaDraft, foiaProblem, keepFoiaDraft, readFoiaDraft, toApplication } from '../draft'

/**
 * The 依申请公开 form's state and its 提交. Everything typed is kept on the device until it is
 * submitted: a lost network, a sign-in detour or a closed app loses nothing.
 */
export function useFoiaApply() {
  const token = useSessionStore((s) => s.token)
  const [draft, setDraft] = useState<FoiaDraft>(() => ({
    applicantType: 'citizen',
    idType: 'id_card',
    format: 'electronic',
    delivery: 'online',
    ...readFoiaDraft(),
  }))
  const restored = useRef(Object.keys(readFoiaDraft()).length > 0)
  const edit = (next: FoiaDraft) => {
    const d = { ...draft, ...next }
    setDraft(d)
    keepFoiaDraft(d)
  }
  // one key per intent: a retry after a lost answer reuses it, so the server registers the application once;
  // a queued one keeps its key too, so a second 提交申请 is the same application
  const { busy, error, setError, run } = useSubmit()

  const submit = async () => {
    const p = foiaProblem(draft)
    setError(p)
    if (p || busy) return
    if (!token) {
      void Taro.navigateTo({ url: routes.signIn(routes.foiaApply) })
      return
    }
    // weapp: 补正, 答复 and 办结 can also come as WeChat messages (asked before any await: it needs the tap)
    askForFoiaMessages((o) => Taro.requestSubscribeMessage({ ...o, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option))
    const outcome = await run(
      (key) => submitApplication(toApplication(draft), key),
      undefined,
      (o) => o.status !== 'queued',
    )
    if (!outcome) return
    dropFoiaDraft()
    if (outcome.status === 'queued') {
      setError(`${outcome.reason}。申请已保存在「待发送」，联网后会自动提交，也可以再点一次「提交申请」`)
      return
    }
    void Taro.redirectTo({ url: `${routes.foiaDetail(outcome.data.id)}&new=1` })
  }

  return { draft, edit, restored: restored.current, signedIn: Boolean(token), busy, error, submit }
}

export type FoiaApply = ReturnType<typeof useFoiaApply>
