import type { BoardKpis, BoardRow, BoardSnapshotView, ConnectionView, SessionView } from '../../../src-main/contract/live-views'
import { EMPTY_KPIS } from '../../../src-renderer/board/empty-kpis'

/** A fixed "now" for renderer tests: 2026-11-24 10:00 local time. */
export const NOW = new Date(2026, 10, 24, 10, 0, 0).getTime()
export const MIN = 60_000

/** A waiting callback due `dueInMin` minutes after NOW, with overridable fields. */
export function makeRow(id: string, patch: Partial<BoardRow> = {}, dueInMin = 10): BoardRow {
  return {
    id,
    queueId: 'hq-1',
    maskedNumber: `•••• ${id.replace(/\D/g, '').padStart(4, '0').slice(-4)}`,
    name: `Caller ${id}`,
    requestedAtMs: NOW - 5 * MIN,
    promisedWaitSeconds: 900,
    dueAtMs: NOW + dueInMin * MIN,
    state: 'waiting',
    stateInferred: false,
    stateAtMs: NOW - 5 * MIN,
    attempts: 0,
    lastOutcome: null,
    lastAction: 'request',
    actedBy: null,
    reason: null,
    eventTimeMs: NOW - 5 * MIN,
    ...patch
  }
}

export const LIVE: ConnectionView = { state: 'live', since: new Date(NOW).toISOString(), detail: null, rejectedTopics: [] }

export function kpis(patch: Partial<BoardKpis> = {}): BoardKpis {
  return { ...EMPTY_KPIS, ...patch }
}

export function snapshot(rows: readonly BoardRow[], patch: Partial<BoardSnapshotView> = {}): BoardSnapshotView {
  return { rows, kpis: kpis({ waiting: rows.length }), connection: LIVE, serverNow: new Date(NOW).toISOString(), ...patch }
}

export function session(patch: Partial<SessionView> = {}): SessionView {
  return {
    state: 'signed-in',
    target: 'demo',
    regionLabel: null,
    orgName: 'Demo org',
    principalName: 'Dana Lead',
    method: null,
    expiresAt: null,
    secureStorage: true,
    problem: null,
    ...patch
  }
}

export const SIGNED_OUT = session({ state: 'signed-out', target: null, orgName: null, principalName: null })

/**
 * happy-dom does no layout; the virtual grid needs a viewport height to render rows. Gives every element a
 * client height (600 px) for the test's duration; returns the undo.
 */
export function stubLayout(height = 600): () => void {
  const proto = HTMLElement.prototype
  const original = Object.getOwnPropertyDescriptor(proto, 'clientHeight')
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height })
  const width = Object.getOwnPropertyDescriptor(proto, 'clientWidth')
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => 1200 })
  return () => {
    if (original) Object.defineProperty(proto, 'clientHeight', original)
    else delete (proto as { clientHeight?: number }).clientHeight
    if (width) Object.defineProperty(proto, 'clientWidth', width)
    else delete (proto as { clientWidth?: number }).clientWidth
  }
}

/** Sets a Spark form element's value the way the real one reports it (property + `input` event). */
export function setSparkValue(el: Element, value: string): void {
  ;(el as HTMLElement & { value: string }).value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
}
