import { showUpdatePrompt, UPDATE_PROMPT_ID, UPDATE_PROMPT_TEXT } from '../service-worker'

describe('「新版本可用，点击刷新」', () => {
  afterEach(() => document.getElementById(UPDATE_PROMPT_ID)?.remove())

  it('asks once, and only a tap activates the new version', () => {
    const accept = jest.fn()
    showUpdatePrompt(accept)
    showUpdatePrompt(accept)
    const prompts = document.querySelectorAll(`#${UPDATE_PROMPT_ID}`)
    expect(prompts).toHaveLength(1)
    const button = prompts[0] as HTMLButtonElement
    expect(button.textContent).toBe(UPDATE_PROMPT_TEXT)
    expect(button.getAttribute('role')).toBe('alert')
    expect(accept).not.toHaveBeenCalled()
    button.click()
    expect(accept).toHaveBeenCalledTimes(1)
    expect(button.textContent).toBe('正在更新…')
    expect(button.disabled).toBe(true)
  })
})
