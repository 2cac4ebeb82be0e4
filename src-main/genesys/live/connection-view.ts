/**
 * The board's connection banner in one pure function: the notification channel's state plus whether the
 * board has caught up since the last gap. "Live" means both streaming and reconciled; a gap that lasts past
 * the stale threshold, or a reconcile that failed, reads "stale since …" with the last complete instant.
 */
import type { ConnectionView } from '../../contract/live-views'
import type { ChannelStatus } from '../notifications/channel-manager'

/** The board side of the banner. */
export interface SyncFacts {
  readonly started: boolean
  readonly hasBaseline: boolean
  readonly syncing: boolean
  readonly failed: string | null
  /** Last instant the board was known complete and streaming; null before the first sync. */
  readonly incompleteSince: number | null
}

/** Builds the view at `nowMs`. */
export function connectionView(channel: ChannelStatus, sync: SyncFacts, nowMs: number, staleAfterMs: number): ConnectionView {
  const rejectedTopics = channel.rejectedTopics.map((t) => ({ topic: t.topic, missingPermissions: [...t.missingPermissions] }))
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())
  const view = (
    state: ConnectionView['state'],
    detail: string | null,
    since: number | null = sync.incompleteSince
  ): ConnectionView => ({
    state,
    since: state === 'live' ? null : iso(since),
    detail,
    rejectedTopics
  })
  if (!sync.started || channel.state === 'stopped' || channel.state === 'idle') return view('offline', null, null)
  if (sync.failed !== null && !sync.syncing) return view('stale', sync.failed)
  switch (channel.state) {
    case 'connecting':
      return sync.hasBaseline ? view('reconnecting', channel.detail) : view('connecting', channel.detail, null)
    case 'reconnecting': {
      const since = sync.incompleteSince ?? channel.gapSince
      if (since !== null && nowMs - since >= staleAfterMs)
        return view('stale', channel.detail ?? 'Live updates are interrupted.', since)
      return view('reconnecting', channel.detail, since)
    }
    case 'stale':
      return view('stale', channel.detail, sync.incompleteSince ?? channel.gapSince)
    case 'live':
      if (!sync.hasBaseline) return view('connecting', 'Loading the board…', null)
      if (sync.incompleteSince !== null) return view('reconnecting', 'Catching up on missed changes…')
      return view('live', rejectedTopics.length > 0 ? 'Some live updates are not permitted for your role.' : null)
  }
}
