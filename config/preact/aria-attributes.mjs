/**
 * H5 built on Preact (`H5_FRAMEWORK=preact`, config/index.ts): boolean aria-* props written as the
 * 'true' / 'false' strings React writes.
 *
 * Taro's component wrappers (@tarojs/components/lib/react, attachProps) copy every prop onto the
 * custom element as a property of that name and set an attribute only for strings. React writes
 * aria-* as attributes whatever their type; Preact assigns a property when the element has one of
 * that name — and attachProps has just made one. So `aria-checked={selected}` kept the attribute
 * of the first render: 我的's 特大 radio read aria-checked="false" once chosen (the e2e elder-mode
 * and quiz specs caught it). As strings, attachProps sets the attribute on every update.
 */
import { options } from 'preact'

const previous = options.vnode
options.vnode = (vnode) => {
  const props = vnode.props
  if (props !== null && typeof props === 'object') {
    for (const name in props) {
      if (name.startsWith('aria-') && typeof props[name] === 'boolean') props[name] = String(props[name])
    }
  }
  if (previous) previous(vnode)
}
