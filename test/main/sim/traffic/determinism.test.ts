import { describe, expect, it } from 'vitest'
import { startTrafficOrg } from './traffic-harness'

/** Every conversation change and agent status change of a 20-minute run, in order. */
async function trace(seed: number): Promise<{ events: string[]; counters: Record<string, number> }> {
  const o = await startTrafficOrg({ seed })
  const events: string[] = []
  const offConv = o.org.conversations.onChange((conv, change) => {
    const queue = conv.queueId ? o.org.routing.queues.get(conv.queueId)?.name : '-'
    events.push(`${o.org.clock.now()} ${change} ${conv.media} ${conv.phase} ${queue} ${conv.id} v${conv.version}`)
  })
  const offUsers = o.org.routing.onChange((c) => {
    if (c.kind === 'userStatus')
      events.push(`${o.org.clock.now()} status ${c.userId} ${o.org.routing.users.get(c.userId)!.routingStatus}`)
  })
  try {
    await o.run(20 * 60_000)
    return { events, counters: o.org.traffic!.driver!.counters.snapshot() }
  } finally {
    offConv()
    offUsers()
    await o.close()
  }
}

describe('traffic determinism', () => {
  it('replays the same sequence for the same seed, and another for another seed', async () => {
    const a = await trace(7)
    const b = await trace(7)
    const c = await trace(8)
    expect(a.events.length).toBeGreaterThan(300)
    expect(b.events).toEqual(a.events)
    expect(b.counters).toEqual(a.counters)
    expect(c.events).not.toEqual(a.events)
  })
})
