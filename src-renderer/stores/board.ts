import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type {
  ActionOutcomeView,
  BoardDiff,
  BoardKpis,
  BoardSnapshotView,
  ConnectionView
} from '../../src-main/contract/live-views'
import { onApiReconnect, useApi } from '../api'
import { EMPTY_KPIS } from '../board/empty-kpis'
import { ACTION_FROM, type BoardAction } from '../board/optimistic'
import { RowReplica, type ReplicaChange } from '../board/row-replica'

/** How long an accepted action's expected state may stand in for main's own update before it is dropped. */
const SETTLED_OVERLAY_MS = 15_000

/**
 * Mirror of main's live board: a snapshot, then `board:changed` diffs applied to a Map keyed by id. Rows live
 * outside Vue's deep reactivity (RowReplica); `rowsVersion` / `orderVersion` are bumped once per diff, so a
 * diff of any size costs one re-render of the visible rows, and the visible list is rebuilt only when an
 * order or filter field changed. Optimistic actions overlay the expected state and roll back on refusal.
 */
export const useBoardStore = defineStore('board', () => {
  const replica = shallowRef(new RowReplica())
  /** Bumped when any row changed (content); read it to re-render visible rows. */
  const rowsVersion = ref(0)
  /** Bumped when rows were added/removed or a sort/filter field changed; read it to rebuild visible lists. */
  const orderVersion = ref(0)
  const kpis = shallowRef<BoardKpis>(EMPTY_KPIS)
  const connection = shallowRef<ConnectionView | null>(null)
  const loaded = ref(false)
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** Server clock minus this machine's, from the last snapshot, so countdowns agree across consoles. */
  const clockOffsetMs = ref(0)
  let unsubscribe: (() => void)[] = []
  /** Diffs that arrive while a snapshot is in flight, replayed on top of it. */
  let buffered: BoardDiff[] | null = null
  /** A reconnect asked for a snapshot while one was in flight (it may predate the gap): fetch once more. */
  let again = false

  function changed(change: ReplicaChange): void {
    if (change.rows) rowsVersion.value++
    if (change.order) orderVersion.value++
  }

  function applyDiff(diff: BoardDiff): void {
    if (buffered) {
      buffered.push(diff)
      return
    }
    changed(replica.value.apply(diff.upserts, diff.removals))
    if (diff.kpis) kpis.value = { ...kpis.value, ...diff.kpis }
  }

  function applySnapshot(snapshot: BoardSnapshotView): void {
    replica.value.reset(snapshot.rows)
    kpis.value = snapshot.kpis
    connection.value = snapshot.connection
    const serverNow = Date.parse(snapshot.serverNow)
    if (Number.isFinite(serverNow)) clockOffsetMs.value = serverNow - Date.now()
    loaded.value = true
    changed({ rows: true, order: true })
  }

  /** Fetches the whole board (first load, and after every reconnect); diffs meanwhile are replayed after it. */
  async function refresh(): Promise<void> {
    if (loading.value) {
      again = true
      return
    }
    loading.value = true
    buffered = []
    const result = await useApi().invoke('board:snapshot', undefined)
    const replay = buffered
    buffered = null
    loading.value = false
    if (!result.ok) {
      again = false
      error.value = result.error.message
      for (const diff of replay) applyDiff(diff)
      return
    }
    error.value = null
    applySnapshot(result.value)
    for (const diff of replay) applyDiff(diff)
    if (again) {
      again = false
      await refresh()
    }
  }

  function onConnection(view: ConnectionView): void {
    const wasLive = connection.value?.state === 'live'
    connection.value = view
    if (view.state === 'live' && !wasLive) void refresh()
  }

  /** Subscribes to live changes and loads the board; idempotent. */
  function start(): void {
    if (unsubscribe.length > 0) return
    const api = useApi()
    unsubscribe = [
      api.on('board:changed', applyDiff),
      api.on('board:connection', onConnection),
      onApiReconnect(() => void refresh())
    ]
    void refresh()
  }

  /** Unsubscribes and forgets the board (sign-out, profile change). */
  function stop(): void {
    for (const off of unsubscribe) off()
    unsubscribe = []
    replica.value.clear()
    kpis.value = EMPTY_KPIS
    connection.value = null
    loaded.value = false
    error.value = null
    changed({ rows: true, order: true })
  }

  /** Shows an action's expected result at once; returns the ids it applies to (others are skipped). */
  function expect(ids: readonly string[], action: BoardAction): string[] {
    const allowed = ACTION_FROM[action.kind]
    const result = replica.value.expect(ids, action, (row) => allowed.has(row.state), Date.now() + clockOffsetMs.value)
    changed(result.change)
    return result.ids
  }

  /** Applies main's per-callback outcomes: accepted rows keep their expected state, refused ones roll back. */
  function settle(ids: readonly string[], outcomes: readonly ActionOutcomeView[]): void {
    const accepted = new Set(outcomes.filter((o) => o.ok).map((o) => o.id))
    const ok = ids.filter((id) => accepted.has(id))
    changed(replica.value.settle(ok, Date.now()))
    changed(replica.value.rollback(ids.filter((id) => !accepted.has(id))))
    if (ok.length > 0) setTimeout(() => changed(replica.value.expire(Date.now(), SETTLED_OVERLAY_MS)), SETTLED_OVERLAY_MS)
  }

  /** Shows main's truth again for these rows (the whole request failed). */
  function rollback(ids: readonly string[]): void {
    changed(replica.value.rollback(ids))
  }

  return {
    replica,
    rowsVersion,
    orderVersion,
    kpis,
    connection,
    loaded,
    loading,
    error,
    clockOffsetMs,
    start,
    stop,
    refresh,
    applyDiff,
    expect,
    settle,
    rollback
  }
})
