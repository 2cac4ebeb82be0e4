import { appendFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAuditRecord } from '../../../src-main/core/audit'
import { seededRandom } from '../../../src-main/core/clock'
import { AuditLog } from '../../../src-main/host/audit-log'

const actor = { kind: 'user' as const, id: 'u-1', name: 'Dana Lead' }

describe('audit log', () => {
  it('appends per day, reads back in order, masks numbers and skips damaged lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cc-audit-'))
    const log = new AuditLog(dir, () => {})
    const random = seededRandom(1)
    const at = Date.parse('2026-11-24T10:00:00Z')
    const first = createAuditRecord(
      { actor, action: 'cancel', conversationId: 'c-1', phoneNumber: '+13175550123', reason: 'called in', result: 'ok' },
      at,
      random
    )
    const second = createAuditRecord(
      { actor, action: 'call-now', conversationId: 'c-2', phoneNumber: '+13175550999', result: 'conflict' },
      at + 1000,
      random
    )
    const nextDay = createAuditRecord(
      { actor, action: 'reveal-number', conversationId: 'c-3', result: 'ok' },
      at + 86_400_000,
      random
    )
    await Promise.all([log.append(first), log.append(second), log.append(nextDay)])
    await appendFile(join(dir, '2026-11-24.jsonl'), '{"broken\n')

    const today = await log.list('2026-11-24')
    expect(today.map((r) => r.conversationId)).toEqual(['c-1', 'c-2'])
    expect(today[0].maskedNumber).toContain('0123')
    expect(JSON.stringify(today)).not.toContain('+13175550123')
    expect((await log.list('2026-11-25')).map((r) => r.action)).toEqual(['reveal-number'])
    expect(await log.list('2026-01-01')).toEqual([])
    await rm(dir, { recursive: true, force: true })
  })
})
