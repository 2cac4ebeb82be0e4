import { describe, expect, it } from 'vitest'
import { createAuditRecord, formatAuditRecord, parseAuditLine, toAuditLine } from '../../../src-main/core/audit'
import { seededRandom } from '../../../src-main/core/clock'

const NOW = Date.parse('2025-03-04T10:15:02.123Z')
const jane = { kind: 'user', id: 'u-jane', name: 'Jane Doe' } as const

describe('audit records', () => {
  const record = createAuditRecord(
    {
      actor: jane,
      action: 'cancel',
      conversationId: 'conv-1',
      phoneNumber: '+13175550123',
      reason: 'Customer called in',
      result: 'ok'
    },
    NOW,
    seededRandom(3)
  )

  it('hold who, what, when, why and only a masked number', () => {
    expect(record).toMatchObject({
      at: '2025-03-04T10:15:02.123Z',
      actor: jane,
      action: 'cancel',
      conversationId: 'conv-1',
      maskedNumber: '•••• 0123',
      reason: 'Customer called in',
      result: 'ok',
      detail: null,
      batchId: null
    })
    expect(record.id).toMatch(/^[0-9a-f]{32}$/)
    expect(JSON.stringify(record)).not.toContain('5550123')
  })

  it('mask numbers hidden in the reason or detail too', () => {
    const r = createAuditRecord(
      {
        actor: jane,
        action: 'reschedule',
        conversationId: 'c',
        reason: 'asked for +44 20 7946 0018',
        detail: 'due 10:15Z → 10:30Z',
        result: 'ok'
      },
      NOW,
      seededRandom(1)
    )
    expect(r.reason).toBe('asked for •••• 0018')
    expect(r.detail).toBe('due 10:15Z → 10:30Z')
  })

  it('format as one readable line', () => {
    expect(formatAuditRecord(record)).toBe(
      '2025-03-04 10:15:02Z · Jane Doe cancelled callback conv-1 (•••• 0123) · why: Customer called in · ok'
    )
    const conflict = createAuditRecord(
      {
        actor: jane,
        action: 'call-now',
        conversationId: 'c2',
        result: 'conflict',
        detail: 'Already dispatched by Sam Lee.',
        batchId: 'b1'
      },
      NOW,
      seededRandom(2)
    )
    expect(formatAuditRecord(conflict)).toBe(
      '2025-03-04 10:15:02Z · Jane Doe dialled now callback c2 · Already dispatched by Sam Lee. · batch b1 · conflict'
    )
  })

  it('round-trip through the append-only log, and a damaged line is skipped, not fatal', () => {
    expect(parseAuditLine(toAuditLine(record))).toEqual(record)
    expect(parseAuditLine('{"id":')).toBeNull()
    expect(parseAuditLine(JSON.stringify({ ...record, action: 'delete-everything' }))).toBeNull()
    expect(parseAuditLine(JSON.stringify({ ...record, extra: 1 }))).toEqual(record)
  })

  it('use the injected random source for ids', () => {
    const a = createAuditRecord({ actor: jane, action: 'cancel', conversationId: 'c', result: 'ok' }, NOW, seededRandom(5))
    const b = createAuditRecord({ actor: jane, action: 'cancel', conversationId: 'c', result: 'ok' }, NOW, seededRandom(5))
    expect(a.id).toBe(b.id)
  })
})
