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
