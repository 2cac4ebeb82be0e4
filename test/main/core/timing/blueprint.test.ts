import { describe, expect, it } from 'vitest'
import {
  architectToInt,
  blueprintFallbackEwtSeconds,
  blueprintOffer,
  blueprintUntruncatedSeconds,
  parseArchitectEwtString
} from '../../../../src-main/core/timing/blueprint'
import { emulatedPlatformEwtSeconds } from '../../../../src-main/core/timing/platform-ewt'

function offer(input: Parameters<typeof blueprintOffer>[0]) {
  const r = blueprintOffer(input)
  if (!r.ok) throw new Error(`expected an offer, got ${r.reason}`)
  return r.offer
}

describe('blueprint modified EWT', () => {
  it('reproduces the worked example: EWT 4:30, position 3, 6 callbacks -> 810 s, 13 min', () => {
    expect(offer({ ewtSeconds: 270, positionInQueue: 3, callbacksWaiting: 6 })).toEqual({
      adjustedSeconds: 810,
      delayMinutes: 13,
      dispatchAfterSeconds: 780,
      transferPriority: 13
    })
  })

  it('truncates to whole minutes, so up to 59 s early', () => {
    const o = offer({ ewtSeconds: 119, positionInQueue: 1, callbacksWaiting: 0 })
    expect(o.adjustedSeconds).toBe(119)
    expect(o.delayMinutes).toBe(1)
    expect(o.dispatchAfterSeconds).toBe(60)
  })

  it('dials at once with priority 0 when the adjusted wait is under a minute', () => {
    const o = offer({ ewtSeconds: 20, positionInQueue: 2, callbacksWaiting: 2 }) // 20/2·4 = 40 s
    expect(o.adjustedSeconds).toBe(40)
    expect(o.delayMinutes).toBe(0)
    expect(o.dispatchAfterSeconds).toBe(0)
    expect(o.transferPriority).toBe(0)
  })

  it('truncates the adjusted seconds too (ToInt of a decimal)', () => {
    expect(offer({ ewtSeconds: 100, positionInQueue: 3, callbacksWaiting: 1 }).adjustedSeconds).toBe(133) // 133.33
    expect(offer({ ewtSeconds: 61, positionInQueue: 2, callbacksWaiting: 1 }).adjustedSeconds).toBe(91) // 91.5
    // binary floating point: 100/3·6 = 200.00000000000003 -> 200 (34-digit decimal would give 199)
    expect(offer({ ewtSeconds: 100, positionInQueue: 3, callbacksWaiting: 3 }).adjustedSeconds).toBe(200)
  })

  it('keeps the plain EWT when there are no callbacks waiting', () => {
    expect(offer({ ewtSeconds: 250, positionInQueue: 4, callbacksWaiting: 0 }).adjustedSeconds).toBe(250)
  })

  it('keeps the plain EWT and never reads PIQ when the callbacks data action fails', () => {
    expect(offer({ ewtSeconds: 250, callbacksWaiting: undefined }).adjustedSeconds).toBe(250)
    expect(offer({ ewtSeconds: 250, positionInQueue: 0 }).adjustedSeconds).toBe(250)
  })

  it('falls back to 1 minute (YAML) or 2 minutes (i3) when EWT is not set', () => {
    expect(blueprintFallbackEwtSeconds()).toBe(60)
    expect(offer({ positionInQueue: 1, callbacksWaiting: 1 }).adjustedSeconds).toBe(120) // 60/1·2
    expect(offer({ positionInQueue: 1, callbacksWaiting: 1, variant: 'i3' }).adjustedSeconds).toBe(240)
  })

  it('fails like Architect when the position is 0 or not set (error handling, no offer)', () => {
    expect(blueprintOffer({ ewtSeconds: 100, positionInQueue: 0, callbacksWaiting: 3 })).toEqual({
      ok: false,
      reason: 'position-unavailable'
    })
    expect(blueprintOffer({ ewtSeconds: 100, callbacksWaiting: 3 })).toEqual({ ok: false, reason: 'position-unavailable' })
    expect(blueprintOffer({ ewtSeconds: -5 })).toEqual({ ok: false, reason: 'ewt-unparsable' })
  })

  it('offers the untruncated variant for the ablation', () => {
    expect(blueprintUntruncatedSeconds({ ewtSeconds: 270, positionInQueue: 3, callbacksWaiting: 6 })).toBe(810)
    expect(blueprintUntruncatedSeconds({ ewtSeconds: 1, positionInQueue: 0, callbacksWaiting: 1 })).toBeUndefined()
  })

  it('ToInt truncates toward zero', () => {
    expect(architectToInt(13.99)).toBe(13)
    expect(architectToInt(-0.5)).toBe(-0)
  })
})

describe('block #84 EWT string parsing', () => {
  it.each([
    ['T0H4M30S', 270],
    ['PT4M30S', 270],
    ['T1H0M5S', 3605],
    ['T0H2M0S', 120],
    ['T0H1M0S', 60],
    ['PT45S', 45],
    ['PT2H', 7200],
    ['P0DT0H10M', 600]
  ])('%s -> %i s', (text, seconds) => {
    expect(parseArchitectEwtString(text)).toBe(seconds)
  })

  it('fails where ToInt would fail (fractional seconds, garbage)', () => {
    expect(parseArchitectEwtString('PT30.5S')).toBeUndefined()
    expect(parseArchitectEwtString('4M30S')).toBeUndefined()
  })
})

describe('platform EWT emulation', () => {
  it('is AHT × PIQ / agents × (1 − ABN), rounded', () => {
    expect(
      emulatedPlatformEwtSeconds({
        historicalAhtSeconds: 300,
        historicalAbandonShare: 0.1,
        positionInQueue: 10,
        activeAgents: 50
      })
    ).toBe(54)
  })

  it('uses the longest current wait with no active agents, and omits the value when nobody waits', () => {
    const base = { historicalAhtSeconds: 300, historicalAbandonShare: 0, positionInQueue: 3, activeAgents: 0 }
    expect(emulatedPlatformEwtSeconds({ ...base, longestWaitingSeconds: 412.4 })).toBe(412)
    expect(emulatedPlatformEwtSeconds(base)).toBeUndefined()
  })
})
