import type { BoardKpis } from '../../src-main/contract/live-views'
import { formatDuration } from './time-format'

/** One figure of the KPI header or the wallboard. */
export interface KpiItem {
  readonly id: string
  readonly label: string
  readonly value: string
  /** A second line (e.g. "over 2 min"), or null. */
  readonly detail: string | null
  /** Draws attention when the figure needs action. */
  readonly tone: 'normal' | 'warning' | 'danger'
}

const count = (n: number | null): string => (n === null ? '—' : String(n))

const CAMPAIGN_WORDS: Readonly<Record<string, string>> = {
  on: 'On',
  off: 'Off',
  stopping: 'Stopping',
  complete: 'Complete',
  invalid: 'Invalid',
  forced_off: 'Forced off',
  forced_stopping: 'Forced stopping'
}

/**
 * The KPI header's figures, in reading order, with plain labels. Shared by the board header and the
 * wallboard so both say the same thing the same way.
 */
export function kpiItems(k: BoardKpis, nowMs: number): KpiItem[] {
  const campaignOk = k.campaignStatus === 'on' && k.campaignErrors === 0
  const lines = k.campaignLines === null ? null : `${k.campaignLinesInUse ?? 0} of ${k.campaignLines} lines in use`
  return [
    { id: 'waiting', label: 'Waiting', value: String(k.waiting), detail: null, tone: 'normal' },
    {
      id: 'due5',
      label: 'Due in 5 min',
      value: String(k.dueIn5),
      detail: k.overdue > 0 ? `${k.overdue} overdue` : null,
      tone: k.overdue > 0 ? 'danger' : 'normal'
    },
    { id: 'due15', label: 'Due in 15 min', value: String(k.dueIn15), detail: null, tone: 'normal' },
    {
      id: 'oldest',
      label: 'Oldest request',
      value: k.oldestRequestedAtMs === null ? '—' : formatDuration((nowMs - k.oldestRequestedAtMs) / 1000),
      detail: k.oldestRequestedAtMs === null ? null : 'ago',
      tone: 'normal'
    },
    { id: 'dispatched', label: 'Dialling', value: String(k.dispatched), detail: null, tone: 'normal' },
    {
      id: 'today',
      label: 'Today',
      value: String(k.connectedToday),
      detail: `connected · ${k.declinedToday} declined · ${k.unreachedToday} unreached · ${k.cancelledToday} cancelled`,
      tone: 'normal'
    },
    {
      id: 'target',
      label: 'Target queue waiting',
      value: count(k.targetWaiting),
      detail: `EWT ${formatDuration(k.targetEwtSeconds)} · ${count(k.targetAgentsOnQueue)} agents on queue`,
      tone: 'normal'
    },
    {
      id: 'campaign',
      label: 'Campaign',
      value: k.campaignStatus === null ? '—' : (CAMPAIGN_WORDS[k.campaignStatus] ?? k.campaignStatus),
      detail:
        [lines, k.campaignErrors > 0 ? `${k.campaignErrors} configuration errors` : null].filter(Boolean).join(' · ') || null,
      tone: k.campaignStatus === null || campaignOk ? 'normal' : 'danger'
    }
  ]
}
