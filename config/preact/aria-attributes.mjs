/**
 * H5 built on Preact (`H5_FRAMEWORK=preact`, config/index.ts): aria-* and data-* props reach the
 * element's attributes as they do under React.
 *
 * Taro's component wrappers (@tarojs/components/lib/react, attachProps) copy every prop onto the
 * custom element as a property of that name, set an attribute only for strings and remove it only
 * when the prop is gone. React writes such props as attributes whatever their type; Preact assigns
 * a property when the element has one of that name — and attachProps has just made one. So
 * `aria-checked={selected}` kept its first value (我的's 特大 radio stayed "false") and
 * `aria-disabled={locked || undefined}` stayed "true" once unlocked (the e2e elder-mode and quiz
 * specs caught both). Here a boolean or a number becomes its string, and null or undefined drops
 * the prop, which attachProps answers by removing the attribute.
 */
import { options } from 'preact'

const previous = options.vnode
options.vnode = (vnode) => {
  const props = vnode.props
  if (props !== null && typeof props === 'object') {
    for (const name in props) {
      if (!name.startsWith('aria-') && !name.startsWith('data-')) continue
      const value = props[name]
      if (value === null || value === undefined) delete props[name]
      else if (typeof value === 'boolean' || typeof value === 'number') props[name] = String(value)
    }
  }
  if (previous) previous(vnode)
}
