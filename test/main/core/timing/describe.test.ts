import { describe, expect, it } from 'vitest'
import { describeAhead, describeDelta, describeDuration, describeRate } from '../../../../src-main/core/timing/describe'

describe('explanation wording', () => {
  it.each([
    [0, '0 s'],
    [44.6, '45 s'],
    [119, '119 s'],
    [126, '2 min 6 s'],
    [180, '3 min'],
    [840, '14 min'],
    [3900, '1 h 5 min'],
    [7200, '2 h'],
    [-30, '30 s']
  ])('duration %d s -> %s', (s, text) => {
    expect(describeDuration(s)).toBe(text)
  })

  it('words the delta against the promise', () => {
    expect(describeDelta(5)).toBe('as promised')
    expect(describeDelta(-40)).toBe('40 s earlier than promised')
    expect(describeDelta(200)).toBe('3 min 20 s later than promised')
  })

  it('names who is ahead and the pace', () => {
    expect(describeAhead(0, 0)).toBe('nobody ahead')
    expect(describeAhead(4, 1)).toBe('5 ahead (4 on hold, 1 callback)')
    expect(describeRate(1 / 6)).toBe('~10 answers/min')
    expect(describeRate(8 / 420)).toBe('~1.1 answers/min')
  })
})
