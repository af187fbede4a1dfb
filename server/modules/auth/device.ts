/**
 * What 登录设备 shows of a session: a device summary instead of the whole User-Agent (kept short
 * and free of build numbers), and the IP masked to its /24 (IPv6: its /48).
 */

const APPS: [RegExp, string][] = [
  [/miniProgram|miniprogram/i, '微信小程序'],
  [/MicroMessenger/i, '微信'],
  [/DingTalk/i, '钉钉'],
  [/Edg\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//i, 'curl'],
  [/node|undici/i, '程序'],
]

const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/HarmonyOS|OpenHarmony/i, '鸿蒙'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'Mac'],
  [/Linux/, 'Linux'],
]

/** 「微信 · iPhone」, 「Chrome · Windows」; 未知设备 without a User-Agent */
export function deviceSummary(userAgent: string | undefined): string {
  if (!userAgent) return '未知设备'
  const app = APPS.find(([re]) => re.test(userAgent))?.[1]
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1]
  return [app, system].filter(Boolean).join(' · ') || '未知设备'
}

/** 203.0.113.* for IPv4 (and IPv4-mapped IPv6), 2001:db8:1::* for IPv6, 未知 otherwise */
export function maskIp(ip: string | null | undefined): string {
  if (!ip) return '未知'
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip)
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.*`
  if (ip.includes(':')) {
    const groups = ip.split('::')[0].split(':').filter(Boolean).slice(0, 3)
    return `${groups.join(':') || '0'}::*`
  }
  return '未知'
}
