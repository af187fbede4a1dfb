/**
 * H5: View and Text as plain elements — the same `<taro-view-core>` / `<taro-text-core>` tags,
 * classes, attributes and children — instead of Stencil custom elements.
 *
 * Taro's View and Text are Stencil components with slot relocation: every one of them, hundreds on
 * a page, is registered, scheduled and rendered by Stencil in an animation frame after the page's
 * own render, and Stencil moves its children behind a slot reference. On a CPU ×4 phone that frame
 * alone took ~375 ms before 首页 could answer a tap (scripts/bench/h5-timeline.ts). What those
 * components add is not used here: View's hover-class, animation and longpress, Text's render of
 * `--line-clamp` (done below). Their stylesheets (display, Text's selectable/space/number-of-lines)
 * are in config/h5-styles/plain-components.css, which app.css carries.
 * Nothing else may register these two tags, or the plain elements would turn into Stencil ones:
 * only this module defines View and Text for the H5 build (config/index.ts).
 */
import { createElement, forwardRef } from 'react'
import '../h5-styles/plain-components.css'

/** the props Stencil's View reads and a plain element has no use for */
function viewProps({ hoverClass, hoverStartTime, hoverStayTime, animation, ...rest }) {
  return rest
}

export const View = forwardRef(function View(props, ref) {
  return createElement('taro-view-core', { ...viewProps(props), ref })
})

/** Text's attributes as Stencil reflected them (its stylesheet selects on them) */
export const Text = forwardRef(function Text({ selectable, userSelect, space, numberOfLines, style, ...rest }, ref) {
  const attrs = { ...rest, ref }
  if (selectable) attrs.selectable = 'true'
  if (userSelect) attrs['user-select'] = 'true'
  if (space) attrs.space = String(space)
  if (typeof numberOfLines === 'number') {
    attrs['number-of-lines'] = String(numberOfLines)
    attrs.style = typeof style === 'string' ? `${style};--line-clamp:${numberOfLines}` : { ...style, '--line-clamp': numberOfLines }
  } else if (style !== undefined) attrs.style = style
  return createElement('taro-text-core', attrs)
})
