/**
 * When to interrupt a lead (issue 5 "Alerts"): connection lost for over 30 s, a callback overdue (due and not
 * dispatched for 2 min), the campaign off or invalid while callbacks wait, the backlog past the user's threshold.
 * Edge-triggered: each condition alerts once when it starts and re-arms when it clears, so nobody gets a
 * notification every second of an outage. Pure: the host feeds it board KPIs, connection state and the clock.
 */
import type { BoardKpis } from './board/board-types'

export type AlertKind = 'connection-lost' | 'overdue' | 'campaign-off' | 'backlog'

export interface AlertInput {
  readonly nowMs: number
  readonly kpis: BoardKpis
  /** True while live data flows; false when offline, reconnecting or stale. */
  readonly live: boolean
  /** When live data stopped (epoch ms), null while live. */
  readonly notLiveSinceMs: number | null
  /** Waiting callbacks above which the backlog alert fires; null = off. */
  readonly backlogThreshold: number | null
}

export interface RaisedAlert {
  readonly kind: AlertKind
  readonly message: string
}

/** Which conditions are currently active (so they alert only on the rising edge). */
export type AlertMemory = ReadonlySet<AlertKind>

export const CONNECTION_LOST_AFTER_MS = 30_000

const CAMPAIGN_OK: ReadonlySet<string> = new Set(['on'])

function activeConditions(input: AlertInput): Map<AlertKind, string> {
  const active = new Map<AlertKind, string>()
  const { kpis } = input
  if (!input.live && input.notLiveSinceMs !== null && input.nowMs - input.notLiveSinceMs > CONNECTION_LOST_AFTER_MS) {
    const seconds = Math.round((input.nowMs - input.notLiveSinceMs) / 1000)
    active.set(
      'connection-lost',
      `Live updates from Genesys Cloud have been lost for ${seconds} s; the board may be out of date.`
    )
  }
  if (kpis.overdue > 0) {
    const n = kpis.overdue
    active.set('overdue', `${n} callback${n === 1 ? ' is' : 's are'} overdue: due and not dialled for over 2 minutes.`)
  }
  const waiting = kpis.waiting + kpis.dispatched
  if (kpis.campaignStatus !== null && waiting > 0 && (!CAMPAIGN_OK.has(kpis.campaignStatus) || kpis.campaignErrors > 0)) {
    const what = kpis.campaignErrors > 0 ? 'reports configuration errors' : `is ${kpis.campaignStatus}`
    active.set(
      'campaign-off',
      `The callback campaign ${what} while ${waiting} callback${waiting === 1 ? '' : 's'} wait; nobody will be called back.`
    )
  }
  if (input.backlogThreshold !== null && kpis.waiting > input.backlogThreshold) {
    active.set('backlog', `${kpis.waiting} callbacks are waiting, above your threshold of ${input.backlogThreshold}.`)
  }
  return active
}

/** Returns the alerts to raise now and the memory to pass next time. */
export function evaluateAlerts(input: AlertInput, memory: AlertMemory): { raised: RaisedAlert[]; memory: AlertMemory } {
  const active = activeConditions(input)
  const raised: RaisedAlert[] = []
  for (const [kind, message] of active) if (!memory.has(kind)) raised.push({ kind, message })
  return { raised, memory: new Set(active.keys()) }
}
