import type { EventName } from './names'
import type { NoticeView } from './views'

/** Payloads of the events main pushes to the renderer. Outbound only: main builds them, so no schema. */
export interface EventPayloads {
  'app:notice': NoticeView
}

export type EventPayload<E extends EventName> = EventPayloads[E]

/** Compile-time proof that every event name has a payload type and vice versa. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const eventPayloadsCoverNames: Exact<keyof EventPayloads, EventName> = true
