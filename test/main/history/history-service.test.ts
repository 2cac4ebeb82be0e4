import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GenesysSession } from '../../../src-main/genesys/session/session'
import { HistoryService, type UnmaskedExportEvent } from '../../../src-main/genesys/history/history-service'
import type { HistoryProgress, HistoryTable } from '../../../src-main/core/history/history-views'
import type { DemoOrg } from '../../../src-main/sim/server'
import { gatewayForToken } from '../genesys/helpers/demo'
import { ADMIN_CLIENT } from '../genesys/helpers/demo'
import { CAMPAIGN, JANE, at, dials } from './fixtures'
import { seedCallbacks, signedIn, startHistoryOrg, type SeedSpec, type Seeded } from './demo-history'

const MIN = 60_000
const DETAILS = 'POST /api/v2/analytics/conversations/details/query'
const GET_CONV = 'GET /api/v2/conversations/{conversationId}'
const cancelAt = (atMs: number) => () => [
  { atMs, command: { kind: 'cancel' as const, actor: JANE, reason: 'Caller rang back in' } }
]

function daySpecs(): SeedSpec[] {
  const specs: SeedSpec[] = [
    // Requested the evening before, cancelled after midnight: it overlaps both days' queries.
    {
      requestedAtMs: at('23:50', '2026-03-09'),
      promisedWaitSeconds: 900,
      steps: cancelAt(at('00:10')),
      endAtMs: at('00:10'),
      expected: 'cancelled'
    }
  ]
  for (let i = 0; i < 20; i++) {
    const req = at('09:00') + i * 20 * MIN
    const kind = i % 5
    if (kind === 0)
      specs.push({
        requestedAtMs: req,
        promisedWaitSeconds: 900,
        steps: () => dials(req + 10 * MIN, ['answered']),
        endAtMs: req + 11 * MIN,
        expected: 'connected',
        ...(i % 10 === 0 ? { agentAtMs: req + 14 * MIN } : {})
      })
    if (kind === 1)
      specs.push({
        requestedAtMs: req,
        promisedWaitSeconds: 900,
        steps: cancelAt(req + 5 * MIN),
        endAtMs: req + 5 * MIN,
        expected: 'cancelled'
      })
    if (kind === 2)
      specs.push({
        requestedAtMs: req,
        promisedWaitSeconds: 600,
        steps: () => dials(req + 10 * MIN, ['no-answer', 'busy', 'machine']),
        endAtMs: req + 41 * MIN,
        expected: 'unreached'
      })
    if (kind === 3)
      specs.push({
        requestedAtMs: req,
        promisedWaitSeconds: 600,
        steps: () => dials(req + 10 * MIN, ['declined']),
        endAtMs: req + 11 * MIN,
        expected: 'declined'
      })
    if (kind === 4)
      specs.push({ requestedAtMs: req, promisedWaitSeconds: 1200, steps: () => [], endAtMs: null, expected: 'open' })
  }
  specs.push({
    requestedAtMs: at('15:00'),
    promisedWaitSeconds: 0,
    steps: () => [],
    endAtMs: at('15:30'),
    expected: 'cancelled',
    bare: true
  })
  // Today (11 March, "now" is 10:00): one request well before now, one inside the last minute.
  specs.push({
    requestedAtMs: at('09:30', '2026-03-11'),
    promisedWaitSeconds: 900,
    steps: () => [],
    endAtMs: null,
    expected: 'open'
  })
  specs.push({
    requestedAtMs: at('09:59', '2026-03-11') + 30_000,
    promisedWaitSeconds: 900,
    steps: () => [],
    endAtMs: null,
    expected: 'open'
  })
  return specs
}

const column = (table: HistoryTable, label: string) =>
  table.rows.map((r) => r.cells[table.columns.findIndex((c) => c.label === label)])

describe('HistoryService on the demo org', () => {
  let demo: DemoOrg
  let session: GenesysSession
  let seeded: Seeded[]
  let holdingQueueId: string
  let now: () => number
  const audits: UnmaskedExportEvent[] = []

  const service = (overrides: Partial<ConstructorParameters<typeof HistoryService>[0]> = {}) =>
    new HistoryService({
      gateway: session.gateway,
      target: () => ({ holdingQueueId, campaignId: CAMPAIGN }),
      auditUnmaskedExport: async (e) => void audits.push(e),
      clock: now,
      pageSize: 5,
      ...overrides
    })
  const count = (endpoint: string) => session.gateway.callCounts().get(endpoint) ?? 0
  const day = (from: string, to = from) => ({ from, to, timeZone: 'Europe/London' })

  beforeAll(async () => {
    const started = await startHistoryOrg(at('20:00', '2026-03-09'))
    demo = started.demo
    holdingQueueId = started.holdingQueueId
    seeded = seedCallbacks(demo, started.clock, holdingQueueId, daySpecs())
    started.clock.advanceTo(at('10:00', '2026-03-11'))
    now = () => started.clock.now()
    session = await signedIn(demo)
  })
  afterAll(async () => {
    session?.dispose()
    await demo?.close()
  })

  it('reads a day page by page through the SDK and reports exactly what the org holds', async () => {
    const pagesBefore = count(DETAILS)
    const readsBefore = count(GET_CONV)
    const progress: HistoryProgress[] = []
    const r = await service().run({ runId: 'r1', range: day('2026-03-10') }, (p) => progress.push(p))
    if (!r.ok) throw new Error(r.error.message)
    const mine = seeded.filter((s) => s.spec.requestedAtMs >= at('00:00') && s.spec.requestedAtMs < at('00:00', '2026-03-11'))
    expect(mine).toHaveLength(21)
    const expected = (o: string) => mine.filter((s) => s.spec.expected === o).length
    expect(r.value.totals).toEqual({
      requested: 21,
      connected: expected('connected'),
      declined: expected('declined'),
      unreached: expected('unreached'),
      cancelled: expected('cancelled'),
      open: expected('open')
    })
    const outcomeById = new Map(r.value.outcomes.table.rows.map((row) => [row.conversationId, row.cells[3]]))
    for (const s of mine) expect(outcomeById.get(s.id)).toBe(s.spec.expected[0]!.toUpperCase() + s.spec.expected.slice(1))
    expect(column(r.value.outcomes.table, 'Callback number').every((n) => /^•••• \d{4}$/.test(String(n)))).toBe(true)
    // 22 conversations overlap the day (one from the evening before), 5 per page: 5 pages; one details read per callback.
    expect(count(DETAILS) - pagesBefore).toBe(5 + 1) // + the campaign's calls (one short page)
    expect(count(GET_CONV) - readsBefore).toBe(21)
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b))
    expect(progress.some((p) => p.phase === 'details' && p.message === 'Reading callback details: 21 of 21')).toBe(true)
  })

  it('joins the campaign calls for agent answer times', async () => {
    const r = await service().run({ runId: 'r2', range: day('2026-03-10') })
    if (!r.ok) throw new Error(r.error.message)
    const rows = r.value.punctuality.table.rows
    const bySource = (source: string) => rows.filter((row) => row.cells[6] === source).map((row) => row.cells[7])
    expect(bySource('Agent answered')).toEqual([-1, -1])
    expect(bySource('Caller chose an agent')).toEqual([-4, -4])
    expect(r.value.punctuality.onTimeShare).toBe(1)
  })

  it('counts a callback spanning two days once, and reads ended callbacks only once per session', async () => {
    const svc = service()
    const first = await svc.run({ runId: 'r3', range: day('2026-03-09', '2026-03-10') })
    if (!first.ok) throw new Error(first.error.message)
    expect(first.value.totals.requested).toBe(22)
    expect(first.value.outcomes.table.rows.filter((row) => row.conversationId === seeded[0]!.id)).toHaveLength(1)
    const reads = count(GET_CONV)
    const again = await svc.run({ runId: 'r4', range: day('2026-03-09', '2026-03-10') })
    expect(again.ok && again.value.totals).toEqual(first.value.totals)
    expect(count(GET_CONV) - reads).toBe(4) // only the open callbacks are read again
  })

  it('never reads "now": today stops a minute before the clock', async () => {
    const r = await service().run({ runId: 'r5', range: day('2026-03-11') })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.totals.requested).toBe(1)
    expect(r.value.coveredUntil).toBe('2026-03-11T09:59:00.000Z')
    expect(r.value.notes[0]).toMatch(/^Requests up to 2026-03-11 09:59 are included/)
  })

  it('stops calling the org as soon as a run is cancelled', async () => {
    const svc = service({ pageSize: 2 })
    const pages = count(DETAILS)
    const reads = count(GET_CONV)
    const r = await svc.run({ runId: 'r6', range: day('2026-03-09', '2026-03-10') }, (p) => {
      if (p.phase === 'listing' && p.fraction > 0) svc.cancel('r6')
    })
    expect(r).toEqual({ ok: false, error: { code: 'cancelled', message: 'The history query was cancelled.' } })
    const after = count(DETAILS)
    expect(after - pages).toBeLessThan(11)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(count(DETAILS)).toBe(after)
    expect(count(GET_CONV)).toBe(reads)
    expect(svc.cancel('r6')).toBe(false)
  })

  it('exports masked by default, and audits an export with full numbers before handing it out', async () => {
    const svc = service()
    expect((await svc.export({ runId: 'nope', table: 'outcomes', intervalMinutes: 15, fullNumbers: false })).ok).toBe(false)
    await svc.run({ runId: 'r7', range: day('2026-03-10') })
    audits.length = 0
    const masked = await svc.export({ runId: 'r7', table: 'outcomes', intervalMinutes: 15, fullNumbers: false })
    if (!masked.ok) throw new Error(masked.error.message)
    expect(masked.value).toMatchObject({ fileName: 'callback-history-outcomes-2026-03-10.csv', rows: 21, fullNumbers: false })
    expect(masked.value.csv).not.toMatch(/\+44207946/)
    expect(audits).toEqual([])
    const full = await svc.export({ runId: 'r7', table: 'outcomes', intervalMinutes: 15, fullNumbers: true })
    if (!full.ok) throw new Error(full.error.message)
    expect(full.value).toMatchObject({ fileName: 'callback-history-outcomes-2026-03-10-full-numbers.csv', fullNumbers: true })
    expect(full.value.csv).toContain(seeded[1]!.number)
    expect(audits).toEqual([
      {
        runId: 'r7',
        table: 'outcomes',
        title: 'Outcome of every callback',
        from: '2026-03-10',
        to: '2026-03-10',
        timeZone: 'Europe/London',
        rows: 21
      }
    ])
    const volumes = await svc.export({ runId: 'r7', table: 'volumes', intervalMinutes: 30, fullNumbers: true })
    expect(volumes.ok && [volumes.value.fileName, volumes.value.fullNumbers]).toEqual([
      'callback-history-volumes-30min-2026-03-10.csv',
      false
    ])
    expect(audits).toHaveLength(1)
    const refusing = service({ auditUnmaskedExport: async () => Promise.reject(new Error('disk full')) })
    await refusing.run({ runId: 'r8', range: day('2026-03-10') })
    const refused = await refusing.export({ runId: 'r8', table: 'punctuality', intervalMinutes: 15, fullNumbers: true })
    expect(refused.ok ? null : refused.error.code).toBe('audit-failed')
  })

  it('refuses without a profile, and names a missing permission', async () => {
    expect(await service({ target: () => null }).run({ runId: 'r9', range: day('2026-03-10') })).toMatchObject({
      ok: false,
      error: { code: 'no-profile' }
    })
    const token = demo.issueToken(ADMIN_CLIENT, { permissions: ['analytics:conversationDetail:view'] })
    const limited = service({ gateway: gatewayForToken(demo, token.token) })
    const r = await limited.run({ runId: 'r10', range: day('2026-03-10') })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('forbidden')
      expect(r.error.message).toContain('conversation:communication:view')
    }
  })
})
