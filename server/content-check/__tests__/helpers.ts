/** request helpers for these tests */
export const auth = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` })

export function putJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }
}
