import type { BoardRow, LifecycleState } from '../../src-main/contract/live-views'

/** Columns the board can be sorted by; `due` is the default (who must be called next comes first). */
export type SortKey = 'due' | 'requested' | 'name'

/** What the board shows: a state group, a queue, and free text (name or digits). */
export interface BoardFilter {
  /** `active` = waiting or dispatched (the default), `all`, or one state. */
  readonly state: 'active' | 'all' | LifecycleState
  /** Holding queue id, or `all`. */
  readonly queueId: string
  readonly search: string
}

/** The default filter: every callback still in play, any queue, no search. */
export const DEFAULT_FILTER: BoardFilter = { state: 'active', queueId: 'all', search: '' }

const nullsLast = (a: number | null, b: number | null): number => {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a - b
}

/**
 * Due order: earliest due first; "as soon as possible" (no scheduled time) counts as due at request time;
 * ties by request time, then id, so the order is total and stable across consoles.
 */
export function compareByDue(a: BoardRow, b: BoardRow): number {
  return (
    nullsLast(a.dueAtMs ?? a.requestedAtMs, b.dueAtMs ?? b.requestedAtMs) ||
    nullsLast(a.requestedAtMs, b.requestedAtMs) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/** Oldest request first, then due order. */
export function compareByRequested(a: BoardRow, b: BoardRow): number {
  return nullsLast(a.requestedAtMs, b.requestedAtMs) || compareByDue(a, b)
}

/** Alphabetical by caller name (unnamed last), then due order. */
export function compareByName(a: BoardRow, b: BoardRow): number {
  if (a.name !== b.name) {
    if (a.name === null) return 1
    if (b.name === null) return -1
    const byName = a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })
    if (byName !== 0) return byName
  }
  return compareByDue(a, b)
}

/** The comparator for a sort key. */
export const COMPARATORS: Readonly<Record<SortKey, (a: BoardRow, b: BoardRow) => number>> = {
  due: compareByDue,
  requested: compareByRequested,
  name: compareByName
}

/**
 * Whether a row change can move it in the order or in or out of a filter; anything else (attempts, outcome,
 * who acted) only needs the visible row redrawn, not the visible list rebuilt.
 */
export function affectsOrder(previous: BoardRow | undefined, next: BoardRow | undefined): boolean {
  if (!previous || !next) return true
  return (
    previous.dueAtMs !== next.dueAtMs ||
    previous.requestedAtMs !== next.requestedAtMs ||
    previous.state !== next.state ||
    previous.queueId !== next.queueId ||
    previous.name !== next.name ||
    previous.maskedNumber !== next.maskedNumber
  )
}

/** A predicate for a filter, built once per filter change rather than once per row. */
export function rowMatcher(filter: BoardFilter): (row: BoardRow) => boolean {
  const text = filter.search.trim().toLowerCase()
  const digits = text.replace(/\D/g, '')
  const searchIsDigits = text !== '' && /^[\d\s+()-]+$/.test(text)
  return (row) => {
    if (
      filter.state === 'active'
        ? row.state !== 'waiting' && row.state !== 'dispatched'
        : filter.state !== 'all' && row.state !== filter.state
    ) {
      return false
    }
    if (filter.queueId !== 'all' && row.queueId !== filter.queueId) return false
    if (text === '') return true
    if (searchIsDigits) return digits !== '' && row.maskedNumber.replace(/\D/g, '').includes(digits)
    return (row.name ?? '').toLowerCase().includes(text)
  }
}
