/**
 * Where a benchmark's CPU went, by kind of process (Linux /proc; elsewhere every figure is
 * undefined): the app servers (their pids), the PostgreSQL backends serving the bench database
 * (pg_stat_activity's client backends of that database), PostgreSQL's own background processes
 * (WAL writer, checkpointer, background writer, autovacuum: shared with whatever else uses the
 * server), redis-server, this process (the load generator, autocannon), and the whole machine
 * (/proc/stat), so that what the other processes on a shared machine took shows as the rest.
 */
import { readdirSync, readFileSync } from 'node:fs'
import pg from 'pg'

/** clock ticks per second of /proc's times (USER_HZ: 100 on every Linux of the last decades) */
const TICKS = 100

/** CPU seconds (user + system) a process has used so far, or undefined (ended, or not Linux) */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / TICKS
  } catch {
    return undefined
  }
}

/** pids whose command name (/proc/<pid>/comm) is `name` */
function pidsNamed(name: string): number[] {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === name
        } catch {
          return false
        }
      })
      .map(Number)
  } catch {
    return []
  }
}

/** busy CPU seconds of the whole machine so far (all cores: everything but idle and iowait) */
function machineBusySeconds(): number | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait irq softirq steal (guest is already in user)
    const [user, nice, system, , , irq, softirq, steal] = cpu
    return (user + nice + system + irq + softirq + (steal ?? 0)) / TICKS
  } catch {
    return undefined
  }
}

export const PROCESS_KINDS = ['servers', 'postgres', 'postgresBackground', 'redis', 'loadGenerator'] as const
export type ProcessKind = (typeof PROCESS_KINDS)[number]

export const KIND_LABEL: Record<ProcessKind, string> = {
  servers: 'Node servers',
  postgres: 'PostgreSQL backends (bench db)',
  postgresBackground: 'PostgreSQL background (WAL writer, checkpointer…)',
  redis: 'redis-server',
  loadGenerator: 'bench process (autocannon)',
}

interface Snapshot {
  pids: Record<ProcessKind, Map<number, number>>
  self: number
  machine?: number
}

export interface CpuBreakdown {
  /** CPU seconds over the interval by kind (a process that ended meanwhile is missed) */
  seconds: Record<ProcessKind, number>
  /** all busy CPU seconds of the machine over the interval */
  machine?: number
}

/** measures the CPU of these kinds of processes between `start()` and `stop()` */
export class ProcessCpu {
  private before?: Snapshot
  constructor(
    private readonly servers: () => (number | undefined)[],
    /** the benchmark's database on the PostgreSQL server (undefined: none measured) */
    private readonly database?: { adminUrl: string; name: string },
  ) {}

  private async postgresPids(): Promise<{ backends: number[]; background: number[] }> {
    if (!this.database) return { backends: [], background: [] }
    const client = new pg.Client({ connectionString: this.database.adminUrl })
    await client.connect()
    try {
      const { rows } = await client.query<{ pid: number; datname: string | null; backend_type: string }>(
        'SELECT pid, datname, backend_type FROM pg_stat_activity WHERE pid <> pg_backend_pid()',
      )
      const local = new Set(pidsNamed('postgres'))
      const ours = rows.filter((r) => local.has(r.pid))
      return {
        backends: ours.filter((r) => r.datname === this.database!.name && r.backend_type === 'client backend').map((r) => r.pid),
        background: ours.filter((r) => r.backend_type !== 'client backend' && (r.datname === null || r.datname === this.database!.name)).map((r) => r.pid),
      }
    } finally {
      await client.end()
    }
  }

  private async snapshot(extra?: Snapshot): Promise<Snapshot> {
    const pg = await this.postgresPids()
    const of = (pids: number[], also?: Map<number, number>) => {
      const m = new Map<number, number>()
      for (const pid of new Set([...pids, ...(also?.keys() ?? [])])) {
        const s = cpuSecondsOf(pid)
        if (s !== undefined) m.set(pid, s)
      }
      return m
    }
    const self = process.cpuUsage()
    return {
      pids: {
        servers: of(
          this.servers().filter((p): p is number => p !== undefined),
          extra?.pids.servers,
        ),
        postgres: of(pg.backends, extra?.pids.postgres),
        postgresBackground: of(pg.background, extra?.pids.postgresBackground),
        redis: of(pidsNamed('redis-server'), extra?.pids.redis),
        loadGenerator: new Map(),
      },
      self: (self.user + self.system) / 1e6,
      machine: machineBusySeconds(),
    }
  }

  async start(): Promise<void> {
    this.before = await this.snapshot()
  }

  async stop(): Promise<CpuBreakdown> {
    const before = this.before
    if (!before) throw new Error('ProcessCpu.stop before start')
    const after = await this.snapshot(before)
    const seconds = {} as Record<ProcessKind, number>
    for (const kind of PROCESS_KINDS) {
      let sum = 0
      // a process that started during the interval counts whole (all its time is in it)
      for (const [pid, s] of after.pids[kind]) sum += s - (before.pids[kind].get(pid) ?? 0)
      seconds[kind] = sum
    }
    seconds.loadGenerator = after.self - before.self
    return { seconds, ...(after.machine !== undefined && before.machine !== undefined ? { machine: after.machine - before.machine } : {}) }
  }
}

/** CPU seconds of every kind of process measured, together */
export function accountedSeconds(b: CpuBreakdown): number {
  return PROCESS_KINDS.reduce((a, k) => a + b.seconds[k], 0)
}

/** "servers 1.23 ms, …, total 3.4 ms per submit (machine 4.0 ms: 0.6 ms in other processes)" */
export function describeBreakdown(b: CpuBreakdown, requests: number): string {
  const per = (s: number) => ((s * 1000) / requests).toFixed(2)
  const total = accountedSeconds(b)
  const parts = PROCESS_KINDS.map((k) => `${KIND_LABEL[k]} ${per(b.seconds[k])} ms`)
  return (
    `CPU per submit: ${parts.join(', ')}; total ${per(total)} ms` +
    (b.machine !== undefined ? ` (the whole machine: ${per(b.machine)} ms, ${per(Math.max(0, b.machine - total))} ms of it in other processes)` : '')
  )
}

/** submits per second the accounted CPU allows on `cores` cores at full use (no other load) */
export function ceilingPerSecond(b: CpuBreakdown, requests: number, cores: number): number {
  const total = accountedSeconds(b)
  return total > 0 ? (cores * requests) / total : Infinity
}
