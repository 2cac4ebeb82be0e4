import type { TimelineEntryView } from '../contract/live-views'
import { formatAuditRecord, type AuditRecord } from '../core/audit'
import { CC } from '../core/lifecycle-model'

const at = (value: string | undefined): string | null =>
  value && Number.isFinite(Date.parse(value)) ? new Date(value).toISOString() : null

/**
 * A callback's story for the detail drawer: what the `cc.*` attributes say (requested, promised, rescheduled,
 * dispatched, outcomes — as every console and flow sees them) plus this console's audit entries for it.
 */
export function buildTimeline(
  attributes: Readonly<Record<string, string>>,
  dueAtMs: number | null,
  audit: readonly AuditRecord[]
): TimelineEntryView[] {
  const entries: TimelineEntryView[] = []
  const push = (when: string | null, label: string, detail: string | null = null, actor: string | null = null): void => {
    if (when) entries.push({ at: when, label, detail, actor })
  }
  const promised = attributes[CC.promisedWaitSeconds]
  push(
    at(attributes[CC.requestedAt]),
    'Callback requested',
    promised ? `Promised a call back in about ${Math.round(Number(promised) / 60)} min` : null
  )
  push(
    at(attributes[CC.rescheduledAt]),
    'Rescheduled',
    attributes[CC.previousDueAt] ? `Was due ${at(attributes[CC.previousDueAt])?.slice(11, 16)} UTC` : null,
    attributes[CC.rescheduledBy] ?? null
  )
  push(at(attributes[CC.dispatchedAt]), 'Dispatched to the campaign', null, attributes[CC.dispatchedBy] ?? null)
  if (attributes[CC.lastOutcome]) {
    const attempts = attributes[CC.attempts] ?? '0'
    push(
      at(attributes[CC.stateAt]) ?? at(attributes[CC.actedAt]),
      `Dial outcome: ${attributes[CC.lastOutcome]}`,
      `Attempt ${attempts}`
    )
  }
  push(at(attributes[CC.cancelledAt]), 'Cancelled', attributes[CC.reason] || null, attributes[CC.cancelledBy] ?? null)
  if (dueAtMs !== null)
    entries.push({ at: new Date(dueAtMs).toISOString(), label: 'Due to be dialled', detail: null, actor: null })
  for (const record of audit) {
    entries.push({
      at: record.at,
      label: `Console: ${record.action} (${record.result})`,
      detail: formatAuditRecord(record),
      actor: record.actor.name
    })
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at))
}
