import { dummyHash, hashPassword, passwordProblem, verifyPassword } from '../password'

describe('scrypt password hashes', () => {
  it('are self-describing, salted, and verify only the right password', async () => {
    const a = await hashPassword('台州政策通2026!')
    const b = await hashPassword('台州政策通2026!')
    expect(a).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('台州政策通2026!', a)).toBe(true)
    expect(await verifyPassword('台州政策通2026?', a)).toBe(false)
    expect(await verifyPassword('', a)).toBe(false)
  })

  it('takes memory-hard time (tens of milliseconds), the dummy hash included', async () => {
    const stored = await dummyHash()
    const started = performance.now()
    expect(await verifyPassword('whatever-password', stored)).toBe(false)
    expect(performance.now() - started).toBeGreaterThan(20)
  })

  it('a cheaper stored cost still verifies; malformed or absurd-cost hashes are refused without work', async () => {
    const cheap = await hashPassword('password-cheap-1', { ln: 10, r: 8, p: 1 })
    expect(cheap.startsWith('$scrypt$ln=10,')).toBe(true)
    expect(await verifyPassword('password-cheap-1', cheap)).toBe(true)
    const [, , , salt, key] = cheap.split('$')
    expect(await verifyPassword('password-cheap-1', `$scrypt$ln=30,r=8,p=1$${salt}$${key}`)).toBe(false)
    expect(await verifyPassword('x', 'plain-text')).toBe(false)
    expect(await verifyPassword('x', '')).toBe(false)
  })
})

describe('password rules', () => {
  it('asks for at least 10 characters, not all digits, in Chinese', () => {
    expect(passwordProblem('short1!')).toBe('密码至少 10 个字符')
    expect(passwordProblem('1234567890123')).toBe('密码不能全是数字，请加入字母或符号')
    expect(passwordProblem(' leading-space1')).toBe('密码首尾不能是空格')
    expect(passwordProblem('zhangsan-2026!', 'zhangsan')).toBe('密码不能包含用户名')
    expect(passwordProblem('x'.repeat(129))).toBe('密码最多 128 个字符')
    expect(passwordProblem('台州市政策通好用啊')).toBe('密码至少 10 个字符')
    expect(passwordProblem('台州市政策通真好用啊')).toBeUndefined()
    expect(passwordProblem('correct-horse-7')).toBeUndefined()
  })
})
