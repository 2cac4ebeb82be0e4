import { describe, expect, it } from 'vitest'
import { ContactCenterModel, demoDayConfig, modelConfig, queueConfig, type ModelEvent } from '../../../../src-main/sim/model'
import { ofType, runAll } from './helpers'

describe('agents and staffing', () => {
  it('log-offs finish their call first; added agents take waiting callers at once; after-call work is honoured', () => {
    const config = modelConfig({
      seed: 51,
      durationSeconds: 3 * 3600,
      queues: [
        queueConfig({
          id: 'q',
          arrivals: [{ at: 0, perHour: 130 }],
          staffing: [
            { at: 0, agents: 10 },
            { at: 3600, agents: 6 },
            { at: 7200, agents: 12 }
          ],
          handle: { kind: 'exponential', mean: 300 },
          afterCallWorkSeconds: 20,
          callbacks: { enabled: false }
        })
      ]
    })
    const model = new ContactCenterModel(config)
    const events: ModelEvent[] = []
    model.onEvent((e) => events.push(e))
    model.runUntil(3600)
    const view = model.queueView('q')
    expect(view.agentsOnQueue).toBe(10)
    expect(view.leavingAgents).toBeGreaterThan(0)
    expect(view.agentsOnQueue - view.leavingAgents).toBe(6)
    model.run()

    const states = ofType(events, 'agent-state')
    const offAfterDrop = states.filter((e) => e.state === 'off' && e.t >= 3600 && e.t < 7200)
    expect(offAfterDrop.length).toBe(4)
    for (const off of offAfterDrop) {
      // A busy agent logs off when its wrap-up ends, never in the middle of a call.
      const previous = states.filter((e) => e.agentId === off.agentId && e.t <= off.t && e !== off).at(-1)!
      expect(['idle', 'acw']).toContain(previous.state)
      if (previous.state === 'acw') expect(off.t - previous.t).toBeCloseTo(20, 9)
      expect(
        ofType(events, 'agent-assigned').some((a) => a.agentId === off.agentId && a.t > 3600 && a.t < off.t && a.t > previous.t)
      ).toBe(false)
    }
    // After-call work lasts exactly 20 s before the agent is idle or takes the next call.
    states.forEach((acw, i) => {
      if (acw.state !== 'acw' || i > 2000) return
      const next = states.slice(i + 1).find((e) => e.agentId === acw.agentId)!
      expect(next.t - acw.t).toBeCloseTo(20, 9)
    })
    const waitingAt7200 = ofType(events, 'agent-assigned').filter((e) => e.t === 7200)
    expect(waitingAt7200.length).toBeGreaterThan(0)
  })

  it('an endless demo repeats its day: traffic keeps flowing into the second cycle', () => {
    const config = demoDayConfig({ seed: 3, endless: true })
    const model = new ContactCenterModel(config)
    const arrivals = [0, 0]
    model.onEvent((e) => {
      if (e.type === 'arrival') arrivals[e.t < 8 * 3600 ? 0 : 1]!++
    })
    model.runUntil(16 * 3600)
    expect(arrivals[0]).toBeGreaterThan(4000)
    expect(Math.abs(arrivals[1]! / arrivals[0]! - 1)).toBeLessThan(0.05)
    expect(model.queueView('support').agentsOnQueue).toBeGreaterThan(30)
  })

  it('a finite day drains: every caller is answered or abandons, every agent ends idle or off', () => {
    const { events, model } = runAll(demoDayConfig({ seed: 8 }))
    const arrivals = ofType(events, 'arrival').length
    const requested = ofType(events, 'callback-requested')
    const ended = ofType(events, 'callback-ended')
    const answeredFirstStay = ofType(events, 'answered').filter((e) => e.callbackId === undefined).length
    const connected = ended.filter((e) => e.state === 'connected').length
    const abandonedFirstStay = ofType(events, 'abandoned').length
    expect(answeredFirstStay + abandonedFirstStay + requested.length).toBe(arrivals)
    expect(ofType(events, 'answered').filter((e) => e.callbackId !== undefined).length).toBe(connected)
    expect(ended.length).toBe(requested.length)
    for (const id of ['support', 'billing']) {
      expect(model.agents(id).every((a) => a.state === 'idle' || a.state === 'off')).toBe(true)
      expect(model.queueView(id).queueLength).toBe(0)
    }
  })
})
