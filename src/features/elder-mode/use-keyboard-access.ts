import { useEffect } from 'react'

/** what Taro's H5 renders as <taro-view-core role=…>: tappable, yet not focusable by itself */
export const INTERACTIVE_ROLES = '[role=button],[role=link],[role=tab],[role=radio],[role=checkbox],[role=switch],[role=menuitem],[role=option]'

/** makes every interactive-role element without a tabindex reachable by Tab */
export function makeFocusable(root: ParentNode): void {
  // a page is a scrolling region: a keyboard user must be able to focus it to scroll it
  root.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '0'))
  // Taro's H5 Button keeps `disabled` on a custom element, which assistive technology does not read
  root.querySelectorAll<HTMLElement>('taro-button-core').forEach((el) => {
    const disabled = el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false'
    if (disabled) el.setAttribute('aria-disabled', 'true')
    else if (el.getAttribute('aria-disabled') === 'true') el.removeAttribute('aria-disabled')
  })
  root.querySelectorAll<HTMLElement>(INTERACTIVE_ROLES).forEach((el) => {
    if (el.hasAttribute('tabindex')) return
    if (el.getAttribute('aria-disabled') === 'true') return
    // native controls are focusable already
    if (/^(BUTTON|A|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return
    el.setAttribute('tabindex', '0')
  })
}

/** Enter or Space on a focused role element taps it, as on a native button */
export function onActivationKey(e: KeyboardEvent): void {
  if (e.key !== 'Enter' && e.key !== ' ') return
  const el = e.target as HTMLElement | null
  if (!el || typeof el.matches !== 'function' || !el.matches(INTERACTIVE_ROLES)) return
  if (/^(BUTTON|A|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return
  e.preventDefault()
  el.click()
}

/**
 * H5 only, once for the app: Taro's components render custom elements that a keyboard or a
 * switch-access user cannot reach. Elements that carry an interactive role get tabindex=0 and
 * answer Enter and Space, as they appear.
 */
export function useKeyboardAccess(): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
    makeFocusable(document)
    let queued = false
    const observer = new MutationObserver(() => {
      if (queued) return
      queued = true
      requestAnimationFrame(() => {
        queued = false
        makeFocusable(document)
      })
    })
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'disabled'] })
    document.addEventListener('keydown', onActivationKey)
    return () => {
      observer.disconnect()
      document.removeEventListener('keydown', onActivationKey)
    }
  }, [])
}
