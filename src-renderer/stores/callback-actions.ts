import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ActionOutcomeView, BoardRow } from '../../src-main/contract/live-views'
import type { Result } from '../../src-main/contract/result'
import { useApi } from '../api'
import type { BoardAction } from '../board/optimistic'
import { STATE_LABELS } from '../board/row-labels'
import { useBoardStore } from './board'
import { useBoardViewStore } from './board-view'
import { useNoticesStore } from './notices'

/** What an action did, for the dialog that started it. */
export interface ActionReport {
  readonly sent: number
  readonly succeeded: number
  /** Plain messages for the callbacks main refused ("Already cancelled by Dana at 10:02"). */
  readonly conflicts: readonly string[]
  /** The whole request failed (not signed in, connection lost …). */
  readonly error: string | null
}

const VERBS: Readonly<Record<BoardAction['kind'], [one: string, many: string]>> = {
  cancel: ['Cancelled the callback.', 'Cancelled {n} callbacks.'],
  reschedule: ['Rescheduled the callback.', 'Rescheduled {n} callbacks.'],
  shift: ['Rescheduled the callback.', 'Rescheduled {n} callbacks.'],
  'call-now': ['Dialling the callback now.', 'Dialling {n} callbacks now.']
}

/** Why nothing was sent: the chosen callbacks moved on (dialling or finished) since the dialog opened. */
function nothingToDo(rows: readonly (BoardRow | undefined)[]): string {
  const first = rows[0]
  if (rows.length === 1 && first) {
    const by = first.actedBy ? ` (${first.actedBy})` : ''
    return `Nothing was sent: ${first.name ?? 'the callback'} (${first.maskedNumber}) is already ${STATE_LABELS[first.state].toLowerCase()}${by}.`
  }
  return 'Nothing was sent: the chosen callbacks are already dialling or finished.'
}

/**
 * Cancel, reschedule and call now: optimistic on the board (expected state at once), then main's per-callback
 * outcomes; refused rows roll back and their conflict messages are shown as main wrote them.
 */
export const useCallbackActionsStore = defineStore('callback-actions', () => {
  const busy = ref(false)

  async function run(
    ids: readonly string[],
    action: BoardAction,
    send: (ids: string[]) => Promise<Result<readonly ActionOutcomeView[]>>
  ): Promise<ActionReport> {
    const board = useBoardStore()
    const notices = useNoticesStore()
    const eligible = board.expect(ids, action)
    if (eligible.length === 0) {
      // Another console (or the workflow) got there first and the board already shows it: say so, send nothing.
      const message = nothingToDo(ids.map((id) => board.replica.rows.get(id)))
      notices.push({ level: 'warning', message })
      return { sent: 0, succeeded: 0, conflicts: [message], error: null }
    }
    busy.value = true
    const result = await send(eligible)
    busy.value = false
    if (!result.ok) {
      board.rollback(eligible)
      notices.push({ level: 'error', message: result.error.message })
      return { sent: eligible.length, succeeded: 0, conflicts: [], error: result.error.message }
    }
    board.settle(eligible, result.value)
    const byId = new Map(result.value.map((o) => [o.id, o]))
    const label = (id: string): string => {
      const row = board.replica.rows.get(id)
      return row ? `${row.name ?? 'Caller'} (${row.maskedNumber}): ` : ''
    }
    const conflicts = eligible
      .map((id) => {
        const o = byId.get(id)
        const text = o === undefined ? 'No answer came for this callback; it was left as it was.' : o.ok ? null : o.message
        return text === null ? null : eligible.length > 1 ? `${label(id)}${text}` : text
      })
      .filter((m): m is string => m !== null)
    useBoardViewStore().selectOnly([...useBoardViewStore().selected].filter((id) => !byId.get(id)?.ok))
    const succeeded = eligible.length - conflicts.length
    if (succeeded > 0)
      notices.push({
        level: 'info',
        message: (succeeded === 1 ? VERBS[action.kind][0] : VERBS[action.kind][1]).replace('{n}', String(succeeded))
      })
    if (conflicts.length > 0) {
      const shown = conflicts.slice(0, 3).join(' ')
      const more = conflicts.length > 3 ? ` And ${conflicts.length - 3} more.` : ''
      notices.push({ level: 'warning', message: `${shown}${more}` })
    }
    return { sent: eligible.length, succeeded, conflicts, error: null }
  }

  function cancel(ids: readonly string[], reason: string, note?: string): Promise<ActionReport> {
    const trimmed = note?.trim()
    return run(ids, { kind: 'cancel', reason }, (send) =>
      useApi().invoke('callbacks:cancel', { ids: send, reason, ...(trimmed ? { note: trimmed } : {}) })
    )
  }

  function reschedule(ids: readonly string[], dueAtMs: number): Promise<ActionReport> {
    return run(ids, { kind: 'reschedule', dueAtMs }, (send) =>
      useApi().invoke('callbacks:reschedule', { ids: send, dueAt: new Date(dueAtMs).toISOString() })
    )
  }

  function shift(ids: readonly string[], minutes: number): Promise<ActionReport> {
    return run(ids, { kind: 'shift', minutes }, (send) =>
      useApi().invoke('callbacks:reschedule', { ids: send, shiftMinutes: minutes })
    )
  }

  function callNow(ids: readonly string[]): Promise<ActionReport> {
    return run(ids, { kind: 'call-now' }, (send) => useApi().invoke('callbacks:call-now', { ids: send }))
  }

  return { busy, cancel, reschedule, shift, callNow }
})
