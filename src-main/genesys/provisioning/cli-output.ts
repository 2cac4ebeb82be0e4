/**
 * Lines the headless CLI prints: one per progress event, the preflight report, verify's checks and a closing
 * summary with the API calls made. No secrets and no phone numbers ever reach these lines.
 */
import type { PreflightReport, ProgressEvent, VerifyResult } from './provisioning-types'
import type { CallTally } from './provisioning-api'

const VERB: Readonly<Record<string, string>> = {
  create: 'creating',
  update: 'updating',
  keep: 'keeping',
  conflict: 'conflict',
  delete: 'deleting',
  restore: 'restoring'
}
const DONE: Readonly<Record<string, string>> = {
  create: 'created',
  update: 'updated',
  keep: 'unchanged',
  conflict: 'conflict',
  delete: 'deleted',
  restore: 'restored'
}

/** One progress line, or undefined for events the CLI does not print. */
export function progressLine(event: ProgressEvent): string | undefined {
  switch (event.kind) {
    case 'phase':
      return `[provision] ${event.message}…`
    case 'step-start':
      return event.action === 'keep'
        ? undefined
        : `[provision] (${event.index + 1}/${event.total}) ${VERB[event.action] ?? event.action} ${event.key} "${event.name}"`
    case 'step-done':
      return event.action === 'keep'
        ? `[provision] = ${event.key} "${event.name}" unchanged`
        : `[provision] ✓ ${event.key} ${DONE[event.action] ?? event.action}${event.id ? ` (${event.id})` : ''}`
    case 'step-failed':
      return `[provision] ✗ ${event.key} "${event.name}": ${event.error.message}`
    case 'check':
      return `[provision] ${event.check.ok ? '✓' : '✗'} ${event.check.name} — ${event.check.detail}`
  }
}

/** The preflight report as lines. */
export function preflightLines(report: PreflightReport): string[] {
  const lines = [
    `Preflight: ${report.ok ? 'ready' : 'blocked'} (signed in as ${report.principal ?? 'unknown'}${report.orgName ? ` in ${report.orgName}` : ''}; permissions checked via ${report.permissions.source}).`
  ]
  for (const m of report.permissions.missing) lines.push(`  missing permission: ${m.anyOf.join(' or ')} — to ${m.why}`)
  for (const l of report.limits) lines.push(`  limit: ${l.used}/${l.max} ${l.name}${l.ok ? '' : ' (full)'}`)
  for (const p of report.problems.filter((p) => !p.startsWith('This sign-in lacks'))) lines.push(`  problem: ${p}`)
  for (const w of report.warnings) lines.push(`  note: ${w}`)
  return lines
}

/** Verify's result as lines. */
export function verifyLines(result: VerifyResult): string[] {
  const failed = result.checks.filter((c) => !c.ok)
  const head = result.error
    ? `Verify stopped: ${result.error.message}`
    : `Verify: ${result.checks.length - failed.length}/${result.checks.length} checks passed.`
  return [head, ...failed.map((c) => `  failed: ${c.name} — ${c.detail}`)]
}

/** Closing line with the calls made. */
export function tallyLine(tally: CallTally, seconds: number): string {
  const probes = tally.probes > 0 ? `, ${tally.probes} permission probes` : ''
  return `[provision] ${tally.reads + tally.writes} API calls (${tally.reads} reads, ${tally.writes} writes${probes}), ${tally.uploads} flow uploads, ${seconds.toFixed(1)} s.`
}
