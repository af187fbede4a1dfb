/**
 * Taro H5 widgets driven as a user drives them, waiting for what the user waits for (never a
 * fixed time).
 */
import type { Page } from 'playwright-core'

/**
 * Opens a Taro H5 picker by the label of its field, confirms the option it shows first, and waits
 * until the sheet has slid away (the next field can be tapped then).
 */
export async function pickFirst(p: Page, label: string | RegExp): Promise<void> {
  await p.getByRole('button', { name: label }).click()
  await p.locator('.weui-picker__action:visible', { hasText: '确定' }).last().click()
  await p.locator('.weui-picker__overlay:visible').waitFor({ state: 'detached' })
}

/** the RegionPicker: open it, type part of a name (「安洲」) and pick the match named `name` (its path, 「仙居县 · 安洲街道」) */
export async function pickRegion(p: Page, typed: string, name: string): Promise<void> {
  await p.locator('[data-testid="region-picker"]:visible').first().click()
  await p.locator('.region-picker__input input:visible').fill(typed)
  await p.getByRole('button', { name, exact: true }).click()
  // a match with places below it opens its list, as for a user: 就选「…」 takes the match itself
  const chosen = p.locator('[data-testid="region-picker"]:visible', { hasText: name }).first()
  const here = p.locator('.region-picker__here:visible', { hasText: `就选「${name.split(' · ').pop()}」` })
  await chosen.or(here).first().waitFor()
  if (!(await chosen.isVisible())) await here.click()
  await chosen.waitFor()
}
