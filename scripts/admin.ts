/**
 * Staff accounts from the command line, on the database the server uses (as server/main.ts picks it:
 * PostgreSQL when DATABASE_URL=postgres://… is set, else the SQLite file under DATA_DIR, default
 * ./data), e.g. the first admin of a new deployment:
 *
 *   npm run admin -- create-user --username wangfang --role admin --org 331000 [--department 大数据局] [--name 王芳]
 *   npm run admin -- reset-password --username wangfang
 *   npm run admin -- disable --username wangfang      (also: enable)
 *   npm run admin -- list
 *
 * The password comes from ADMIN_PASSWORD or, on a terminal, a prompt that does not echo it (asked
 * twice). Every change is written to the audit log as done by 命令行.
 */
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { userInfo } from 'node:os'
import { fixtures } from '../mock/fixtures'
import type { Role } from '../common/contract'
import { readConfig } from '../server/config'
import { AccountsRepository, normaliseUsername } from '../server/modules/accounts/repository'
import { STAFF_ROLES, USERNAME_PATTERN } from '../server/modules/accounts/schemas'
import { AuditRepository, type AuditActor } from '../server/modules/audit/repository'
import { isOrgCode } from '../server/modules/auth/org-scope'
import { hashPassword, passwordProblem } from '../server/modules/auth/password'
import { openStore } from '../server/store/open-store'
import type { SqliteStore } from '../server/store/sqlite'

const USAGE = `用法：
  npm run admin -- create-user --username <用户名> --role <角色> --org <单位代码> [--department <部门>] [--name <显示名>]
  npm run admin -- reset-password --username <用户名>
  npm run admin -- disable --username <用户名>
  npm run admin -- enable --username <用户名>
  npm run admin -- list
角色：${STAFF_ROLES.join(' ')}；单位代码：331000（台州市）、6 位县市区或 9 位乡镇街道代码。
密码取自环境变量 ADMIN_PASSWORD，未设置时在终端中输入（不回显）。
数据库：设置 DATABASE_URL=postgres://… 时为该 PostgreSQL 数据库，否则为 DATA_DIR（默认 ./data）中的 SQLite 文件。`

class UsageError extends Error {}

function options(args: string[]): Map<string, string> {
  const out = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const name = args[i]
    if (!name.startsWith('--')) throw new UsageError(`无法识别的参数：${name}`)
    const value = args[i + 1]
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} 需要一个值`)
    out.set(name.slice(2), value)
    i++
  }
  return out
}

function required(opts: Map<string, string>, name: string): string {
  const value = opts.get(name)?.trim()
  if (!value) throw new UsageError(`缺少 --${name}`)
  return value
}

/** a line from the terminal without echoing what is typed */
function askHidden(question: string): Promise<string> {
  let muted = false
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk)
      done()
    },
  })
  const rl = createInterface({ input: process.stdin, output, terminal: true })
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
    muted = true
  })
}

async function newPassword(username: string): Promise<string> {
  let password = process.env.ADMIN_PASSWORD
  if (password === undefined) {
    if (!process.stdin.isTTY) throw new UsageError('请用环境变量 ADMIN_PASSWORD 提供密码，或在终端中运行以输入密码')
    password = await askHidden('密码：')
    if ((await askHidden('再次输入密码：')) !== password) throw new Error('两次输入的密码不一致')
  }
  const problem = passwordProblem(password, username)
  if (problem) throw new Error(problem)
  return hashPassword(password)
}

const CLI_ACTOR: AuditActor = { id: 'cli', name: `命令行（${safeUser()}）`, role: 'system' }

function safeUser(): string {
  try {
    return userInfo().username
  } catch {
    return '未知用户'
  }
}

async function run(command: string | undefined, args: string[], store: SqliteStore): Promise<string> {
  const accounts = new AccountsRepository(store.database, store.now, () => store.orgNames())
  const audit = new AuditRepository(store.database, store.now)
  const opts = options(args)
  const existing = async (username: string) => {
    const credential = await accounts.credential(username)
    if (!credential) throw new Error(`找不到用户名为 ${username} 的账号`)
    return credential
  }

  switch (command) {
    case 'create-user': {
      const username = normaliseUsername(required(opts, 'username'))
      if (!new RegExp(USERNAME_PATTERN).test(username)) throw new Error('用户名为 3 到 32 位字母、数字、下划线、点或短横线')
      const role = required(opts, 'role') as Role
      if (!(STAFF_ROLES as readonly Role[]).includes(role)) throw new Error(`角色应为以下之一：${STAFF_ROLES.join(' ')}`)
      const orgCode = required(opts, 'org')
      if (!isOrgCode(orgCode)) throw new Error('单位代码应为 331000、6 位县市区或 9 位乡镇街道代码')
      const name = opts.get('name')?.trim() || username
      const department = opts.get('department')?.trim() || undefined
      if (await accounts.credential(username)) throw new Error('用户名已存在')
      const passwordHash = await newPassword(username)
      const account = await accounts.transaction(async (tx, trx) => {
        const created = await tx.createAccount({ username, name, role, orgCode, department, passwordHash, createdBy: 'cli' })
        if (!created) throw new Error('用户名已存在')
        await audit.record({ actor: CLI_ACTOR, action: 'account.create', targetType: 'account', targetId: created.id, detail: { role, orgCode } }, trx)
        return created
      })
      return `已创建账号 ${account.username}（${account.name}，${account.role}，${account.org.name}${account.org.department ? ` ${account.org.department}` : ''}）`
    }
    case 'reset-password': {
      const credential = await existing(required(opts, 'username'))
      const passwordHash = await newPassword(credential.username)
      const ended = await accounts.transaction(async (tx, trx) => {
        await tx.setPassword(credential.userId, passwordHash)
        await tx.clearFailures(credential.username)
        const n = await tx.revokeAllSessions(credential.userId)
        await audit.record(
          { actor: CLI_ACTOR, action: 'account.reset-password', targetType: 'account', targetId: credential.userId, detail: { endedSessions: n } },
          trx,
        )
        return n
      })
      return `已重设 ${credential.username} 的密码，并下线其 ${ended} 个登录`
    }
    case 'disable':
    case 'enable': {
      const credential = await existing(required(opts, 'username'))
      await accounts.transaction(async (tx, trx) => {
        await tx.setDisabled(credential.userId, command === 'disable')
        if (command === 'enable') await tx.clearFailures(credential.username)
        await audit.record({ actor: CLI_ACTOR, action: `account.${command}`, targetType: 'account', targetId: credential.userId }, trx)
      })
      return command === 'disable' ? `已停用 ${credential.username}，其登录已全部失效` : `已启用 ${credential.username}`
    }
    case 'list': {
      const page = await accounts.listAccounts({ org: '331000', page: 1, pageSize: 10_000 })
      if (page.items.length === 0) return '还没有工作人员账号'
      return page.items
        .map((a) =>
          [
            a.username,
            a.name,
            a.role,
            `${a.org.name}${a.org.department ? ` ${a.org.department}` : ''}`,
            a.disabled ? '已停用' : a.lockedUntil ? '已锁定' : '正常',
          ].join('\t'),
        )
        .join('\n')
    }
    default:
      throw new UsageError(command ? `未知命令：${command}` : '请指定命令')
  }
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2)
  if (command === undefined || command === '--help' || command === 'help') {
    console.log(USAGE)
    return command === undefined ? 2 : 0
  }
  const { dataDir, databaseUrl } = readConfig(process.env)
  const store = await openStore(databaseUrl ? { kind: 'postgres', fixtures, databaseUrl } : { kind: 'sqlite', fixtures, dataDir })
  try {
    console.log(await run(command, args, store))
    return 0
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`)
      return 2
    }
    console.error(err instanceof Error ? err.message : String(err))
    return 1
  } finally {
    await store.close()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
