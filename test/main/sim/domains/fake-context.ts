/** A virtual-time DomainContext for unit tests: timers fire only when the test advances the clock. */
import type { DomainContext, TimerHandle } from '../../../../src-main/sim/domains/shared/context'

interface Timer {
  at: number
  seq: number
  fn: () => void
  cancelled: boolean
}

export interface PublishedEvent {
  readonly topic: string
  readonly body: unknown
}

export interface FakeContext extends DomainContext {
  readonly events: PublishedEvent[]
  /** Moves virtual time forward, running due timers in order. */
  advance(ms: number): void
  /** Events published on one topic. */
  on(topic: string): unknown[]
  pendingTimers(): number
}

/** Builds a fresh fake context; `seed` drives the mulberry32 random source. */
export function fakeContext(seed = 1, start = Date.parse('2025-03-03T09:00:00.000Z')): FakeContext {
  let now = start
  let seq = 0
  let idCounter = 0
  let state = seed >>> 0
  const timers: Timer[] = []
  const events: PublishedEvent[] = []
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    clock: {
      now: () => now,
      after(delayMs: number, fn: () => void): TimerHandle {
        const timer: Timer = { at: now + Math.max(0, delayMs), seq: seq++, fn, cancelled: false }
        timers.push(timer)
        return { cancel: () => void (timer.cancelled = true) }
      }
    },
    random: { next },
    ids: {
      next: () => {
        idCounter += 1
        const hex = idCounter.toString(16).padStart(12, '0')
        return `00000000-0000-4000-8000-${hex}`
      }
    },
    publish: (topic, body) => void events.push({ topic, body }),
    events,
    advance(ms: number): void {
      const end = now + ms
      for (;;) {
        const due = timers.filter((t) => !t.cancelled && t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
        if (!due) break
        timers.splice(timers.indexOf(due), 1)
        now = due.at
        due.fn()
      }
      now = end
    },
    on: (topic) => events.filter((e) => e.topic === topic).map((e) => e.body),
    pendingTimers: () => timers.filter((t) => !t.cancelled).length
  }
}
