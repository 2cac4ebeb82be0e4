/**
 * Audit records: who did what to which callback, when and why, kept in an append-only local log (one JSON line
 * each) and listed on the Audit page. A record only ever holds a masked number, so the log is safe to share.
 */
import { z } from 'zod'
import { cleanActorName, cleanAttributeText, isoOf } from './attribute-values'
import { randomId, type Random } from './clock'
import type { Actor } from './lifecycle-model'
import { maskPhone } from './phone'

/** Every audited action (bulk actions are audited per callback with a shared `batchId`). */
export const AUDIT_ACTIONS = ['cancel', 'reschedule', 'call-now', 'reveal-number', 'export-unmasked'] as const

/** One audited action kind. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** How it ended: done, refused because someone else acted first, or failed. */
export type AuditResult = 'ok' | 'conflict' | 'failed'

/** Runtime schema of one audit line, used when reading the log back (lenient to extra fields). */
export const auditRecordSchema = z.object({
  id: z.string().min(1),
  at: z.string().min(1),
  actor: z.object({ kind: z.enum(['user', 'flow', 'system']), id: z.string(), name: z.string() }),
  action: z.enum(AUDIT_ACTIONS),
  conversationId: z.string().min(1),
  maskedNumber: z.string(),
  reason: z.string().nullable(),
  result: z.enum(['ok', 'conflict', 'failed']),
  detail: z.string().nullable(),
  batchId: z.string().nullable()
})

/** One audit entry; `at` is ISO-8601 UTC. */
export type AuditRecord = z.infer<typeof auditRecordSchema>

/** What the command layer knows after an action; the raw number is masked here and never stored. */
export interface AuditInput {
  readonly actor: Actor
  readonly action: AuditAction
  readonly conversationId: string
  readonly phoneNumber?: string | null
  readonly reason?: string | null
  readonly result: AuditResult
  /** e.g. "due 10:15Z → 10:30Z" or the conflict message. */
  readonly detail?: string | null
  readonly batchId?: string | null
}

/** Builds a record with an id from the injected random source and the time from the injected clock reading. */
export function createAuditRecord(input: AuditInput, nowMs: number, random: Random): AuditRecord {
  const text = (value: string | null | undefined): string | null => {
    const cleaned = value == null ? '' : cleanAttributeText(value)
    return cleaned === '' ? null : cleaned
  }
  return {
    id: randomId(random),
    at: isoOf(nowMs),
    actor: { kind: input.actor.kind, id: input.actor.id, name: cleanActorName(input.actor.name) },
    action: input.action,
    conversationId: input.conversationId,
    maskedNumber: maskPhone(input.phoneNumber),
    reason: text(input.reason),
    result: input.result,
    detail: text(input.detail),
    batchId: input.batchId ?? null
  }
}

const VERBS: Readonly<Record<AuditAction, string>> = {
  cancel: 'cancelled',
  reschedule: 'rescheduled',
  'call-now': 'dialled now',
  'reveal-number': 'revealed the number of',
  'export-unmasked': 'exported full phone numbers from'
}

/**
 * One readable line: `2024-05-01 10:15:02Z · Jane Doe cancelled callback c-1 (•••• 0123) · why: called in · ok`.
 * Used for the Audit page's plain-text export and for log lines.
 */
export function formatAuditRecord(record: AuditRecord): string {
  const when = record.at.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z')
  const number = record.maskedNumber ? ` (${record.maskedNumber})` : ''
  const parts = [when, `${record.actor.name} ${VERBS[record.action]} callback ${record.conversationId}${number}`]
  if (record.reason) parts.push(`why: ${record.reason}`)
  if (record.detail) parts.push(record.detail)
  if (record.batchId) parts.push(`batch ${record.batchId}`)
  parts.push(record.result)
  return parts.join(' · ')
}

/** Serialises a record as one line of the append-only log. */
export function toAuditLine(record: AuditRecord): string {
  return JSON.stringify(record)
}

/** Reads one log line back; a damaged line gives null so one bad line never hides the rest of the log. */
export function parseAuditLine(line: string): AuditRecord | null {
  try {
    const parsed = auditRecordSchema.safeParse(JSON.parse(line))
    return parsed.success ? parsed.data : null
  } catch (e: unknown) {
    if (e instanceof SyntaxError) return null
    throw e
  }
}
