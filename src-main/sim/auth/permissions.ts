/**
 * Genesys permission strings (`domain:entity:action`) with `*` wildcards per segment, as roles grant them.
 * One matcher keeps route checks, topic checks and tests consistent.
 */

/** True when `held` grants `required` (exact, `*` = everything, or per-segment `*`). */
export function permissionMatches(held: string, required: string): boolean {
  if (held === '*' || held === required) return true
  const h = held.split(':')
  const r = required.split(':')
  if (h.length !== r.length) return false
  return h.every((seg, i) => seg === '*' || seg === r[i])
}

/** True when any held permission grants `required`. */
export function hasPermission(held: ReadonlySet<string>, required: string): boolean {
  if (held.has(required) || held.has('*')) return true
  for (const p of held) if (permissionMatches(p, required)) return true
  return false
}

/**
 * Which of `required` are missing. `mode: 'any'` (Genesys "Requires ANY"): all of them when none is held,
 * else none; `mode: 'all'`: those not held.
 */
export function missingOf(held: ReadonlySet<string>, required: readonly string[], mode: 'any' | 'all'): string[] {
  const missing = required.filter((p) => !hasPermission(held, p))
  if (mode === 'any') return missing.length === required.length ? missing : []
  return missing
}

/** Permissions of the read-only demo role: every `view` permission, nothing that changes state. */
export const VIEWER_PERMISSIONS: readonly string[] = ['*:*:view', 'analytics:*:view', 'notifications:*:view']

/** The full admin role. */
export const ADMIN_PERMISSIONS: readonly string[] = ['*']
