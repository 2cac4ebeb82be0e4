import { describe, expect, it } from 'vitest'
import { evaluateAlerts, type AlertInput, type AlertMemory } from '../../../src-main/core/alerts'
import { EMPTY_KPIS } from '../../../src-main/core/board/board-types'

const at = (ms: number, patch: Partial<AlertInput> = {}): AlertInput => ({
  nowMs: ms,
  kpis: EMPTY_KPIS,
  live: true,
  notLiveSinceMs: null,
  backlogThreshold: null,
  ...patch
})

describe('alerts', () => {
  it('raises connection-lost only after 30 s, once, and re-arms after recovery', () => {
    let memory: AlertMemory = new Set()
    const step = (input: AlertInput) => {
      const r = evaluateAlerts(input, memory)
      memory = r.memory
      return r.raised.map((a) => a.kind)
    }
    expect(step(at(10_000, { live: false, notLiveSinceMs: 0 }))).toEqual([])
    expect(step(at(31_000, { live: false, notLiveSinceMs: 0 }))).toEqual(['connection-lost'])
    expect(step(at(60_000, { live: false, notLiveSinceMs: 0 }))).toEqual([])
    expect(step(at(61_000))).toEqual([])
    expect(step(at(200_000, { live: false, notLiveSinceMs: 100_000 }))).toEqual(['connection-lost'])
  })

  it('flags overdue callbacks, a stopped campaign with waiting callbacks, and the backlog threshold', () => {
    const kpis = { ...EMPTY_KPIS, waiting: 12, overdue: 2, campaignStatus: 'off' }
    const { raised } = evaluateAlerts(at(0, { kpis, backlogThreshold: 10 }), new Set())
    expect(raised.map((a) => a.kind).sort()).toEqual(['backlog', 'campaign-off', 'overdue'])
    expect(raised.find((a) => a.kind === 'campaign-off')?.message).toContain('is off while 12 callbacks wait')
    expect(raised.find((a) => a.kind === 'overdue')?.message).toContain('2 callbacks are overdue')
  })

  it('stays quiet for a stopped campaign with nobody waiting, or a backlog at the threshold', () => {
    const kpis = { ...EMPTY_KPIS, waiting: 10, campaignStatus: 'on' }
    expect(evaluateAlerts(at(0, { kpis, backlogThreshold: 10 }), new Set()).raised).toEqual([])
    const idle = { ...EMPTY_KPIS, campaignStatus: 'off' }
    expect(evaluateAlerts(at(0, { kpis: idle }), new Set()).raised).toEqual([])
  })

  it('treats campaign configuration errors as an alert even when it is on', () => {
    const kpis = { ...EMPTY_KPIS, waiting: 1, campaignStatus: 'on', campaignErrors: 1 }
    expect(evaluateAlerts(at(0, { kpis }), new Set()).raised[0].message).toContain('reports configuration errors')
  })
})
