import type { AlertView, BoardDiff, ConnectionView, SessionView } from './live-views'
import type { EventName } from './names'
import type { ProgressEvent } from './setup-views'
import type { NoticeView } from './views'
import type { HistoryEventPayloads } from './history-views'
import type { SettingsEventPayloads } from './settings-views'
import type { ShellEventPayloads } from './shell-events'

/** Payloads of the events main pushes to the renderer. Outbound only: main builds them, so no schema. */
export interface EventPayloads extends HistoryEventPayloads, SettingsEventPayloads, ShellEventPayloads {
  'app:notice': NoticeView
  'session:changed': SessionView
  /** Coalesced board changes, at most one per animation frame. */
  'board:changed': BoardDiff
  'board:connection': ConnectionView
  'alerts:raised': AlertView
  /** Step-by-step progress of a setup apply, verify or teardown. */
  'setup:progress': ProgressEvent
}

export type EventPayload<E extends EventName> = EventPayloads[E]

/** Compile-time proof that every event name has a payload type and vice versa. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const eventPayloadsCoverNames: Exact<keyof EventPayloads, EventName> = true
