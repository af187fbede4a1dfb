/**
 * What the tab pages' first screens (解读, 视频, 答题, 我的) share: where their taps go, and the
 * search bar, chip bar, empty state and 我的-style rows as the app's components draw them
 * (src/components/search-bar, chip-bar, empty-state; features/profile/menu-list), every text escaped.
 */
import { escapeHtml } from '../markup'

/** the list pages ask for their first page with this size (src/pages/{interpretations,videos}/index.tsx) */
export const LIST_PAGE_SIZE = 10

/** a search bar that opens the search page (SearchBar with onTap) */
export function searchLink(href: string, placeholder: string): string {
  return (
    `<a class="search-bar search-bar--link" href="${escapeHtml(href)}" aria-label="${escapeHtml(placeholder)}">` +
    `<div class="search-bar__icon"></div><div class="search-bar__placeholder">${escapeHtml(placeholder)}</div></a>`
  )
}

/**
 * the filter chips (ChipBar, 全部 first), `value` on. Not links: a chip filters the list in place,
 * with no address of its own to go to before the app has taken over
 */
export function chipBar(options: { id: string; name: string }[], value?: string): string {
  const chips = [{ id: '', name: '全部' }, ...options]
  return (
    `<div class="page__filters"><div class="chip-bar">` +
    chips.map((o) => `<span class="chip${(value ?? '') === o.id ? ' chip--on' : ''}">${escapeHtml(o.name)}</span>`).join('') +
    `</div></div>`
  )
}

/** EmptyState: nothing to show, and why */
export function emptyState(title: string, hint: string): string {
  return `<div class="state"><div class="state__icon">空</div><span class="state__title">${escapeHtml(title)}</span><span class="state__hint">${escapeHtml(hint)}</span></div>`
}

/** one of 我的's rows that opens a page (MenuItem): its label and the ›; `attributes` ready-made markup */
export function menuRow(label: string, href: string, attributes = ''): string {
  return `<a class="mine__item" href="${escapeHtml(href)}"${attributes}><span>${escapeHtml(label)}</span><span class="mine__chevron">›</span></a>`
}
