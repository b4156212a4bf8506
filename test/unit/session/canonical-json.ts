/**
 * JSON text with object keys sorted at every level, so two records compare equal exactly when they
 * hold the same data whatever order their keys were written in. Undefined object values are left
 * out, as JSON does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const keys = Object.keys(value).sort()
  const parts: string[] = []
  for (const key of keys) {
    const v: unknown = (value as Record<string, unknown>)[key]
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`)
  }
  return `{${parts.join(',')}}`
}
