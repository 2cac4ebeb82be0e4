/**
 * A seeded history in a quiet demo org on a VirtualClock: placeholder callbacks created in the holding queue at
 * their request time, their final `cc.*` attributes written (by the real lifecycle machine) and their placeholder
 * disconnected when they end, and the campaign's agent-answered calls. Test support only — the console reads it
 * back through the SDK like any org.
 */
import { initialAttributes } from '../../../src-main/core/lifecycle'
import type { HistoryOutcome } from '../../../src-main/core/history/history-record'
import { VirtualClock } from '../../../src-main/sim/org/clock'
import type { DemoOrg } from '../../../src-main/sim/server'
import { ADMIN_CLIENT, DEMO_SECRET, demoTarget, newSession, startTestOrg } from '../genesys/helpers/demo'
import { CAMPAIGN, WORKFLOW, lifecycleAttributes, type Step } from './fixtures'

export interface SeedSpec {
  readonly requestedAtMs: number
  readonly promisedWaitSeconds: number
  /** Lifecycle steps after the request; built once the conversation id is known. */
  readonly steps: (id: string) => Step[]
  /** When the placeholder is disconnected (null = still open). */
  readonly endAtMs: number | null
  readonly expected: HistoryOutcome
  /** An agent answers the campaign call for attempt 1 at this time. */
  readonly agentAtMs?: number
  /** Write no attributes at all (a placeholder made outside the contract). */
  readonly bare?: boolean
}

export interface Seeded {
  readonly spec: SeedSpec
  id: string
  number: string
}

/** Starts a quiet demo org on a virtual clock at `startMs`, with a holding queue and generous rate limits. */
export async function startHistoryOrg(startMs: number): Promise<{ demo: DemoOrg; clock: VirtualClock; holdingQueueId: string }> {
  const clock = new VirtualClock(startMs)
  const demo = await startTestOrg({ plugins: {}, clock, rateLimitPerMinute: 1_000_000 })
  const holdingQueueId = demo.org.routing.createQueue({ name: 'Callback holding' }).id
  return { demo, clock, holdingQueueId }
}

/** Schedules every spec on the clock; run `clock.advanceTo(...)` afterwards. */
export function seedCallbacks(demo: DemoOrg, clock: VirtualClock, holdingQueueId: string, specs: readonly SeedSpec[]): Seeded[] {
  const store = demo.org.conversations
  return specs.map((spec, index) => {
    const seeded: Seeded = { spec, id: '', number: `+44207946${String(1000 + index).padStart(4, '0')}` }
    clock.scheduleAt(spec.requestedAtMs, () => {
      const conv = store.createCallback({
        queueId: holdingQueueId,
        callbackNumbers: [seeded.number],
        callbackUserName: `Caller ${index}`,
        ...(spec.bare
          ? {}
          : {
              data: initialAttributes({
                actor: WORKFLOW,
                requestedAtMs: spec.requestedAtMs,
                promisedWaitSeconds: spec.promisedWaitSeconds
              })
            })
      })
      seeded.id = conv.id
    })
    const steps = (): Step[] => (spec.bare ? [] : spec.steps(seeded.id))
    const finalAt = spec.endAtMs ?? Math.max(spec.requestedAtMs, ...steps().map((s) => s.atMs))
    clock.scheduleAt(finalAt, () => {
      if (!spec.bare) {
        const attrs = lifecycleAttributes(seeded.id, spec.requestedAtMs, spec.promisedWaitSeconds, steps())
        const customer = store.customerOf(store.require(seeded.id))!
        store.setParticipantAttributes(seeded.id, customer.id, attrs)
      }
      if (spec.endAtMs !== null) store.disconnect(seeded.id, 'client')
    })
    if (spec.agentAtMs !== undefined) {
      clock.scheduleAt(spec.agentAtMs - 60_000, () => {
        const call = store.createOutboundCall({
          phoneNumber: seeded.number,
          campaignId: CAMPAIGN,
          contactListId: 'list-1',
          contactId: `${seeded.id}-a1`
        })
        store.connectToFlow(call.id)
        store.transferToQueue(call.id, demo.seed.targetQueueId)
      })
      clock.scheduleAt(spec.agentAtMs, () => {
        const call = [...store.all()].find((c) => c.call?.dialer?.contactId === `${seeded.id}-a1`)!
        store.assignAgent(call.id, demo.seed.agentUserIds[0]!)
      })
    }
    return seeded
  })
}

/** A signed-in session on the demo org with a rate budget large enough for tests (limits are the gateway's job). */
export async function signedIn(demo: DemoOrg) {
  const session = newSession()
  const r = await session.signInWithClientCredentials(demoTarget(demo), ADMIN_CLIENT, DEMO_SECRET)
  if (!r.ok) throw new Error(`sign-in failed: ${r.error.message}`)
  session.gateway.resetBudget(1_000_000)
  return session
}
