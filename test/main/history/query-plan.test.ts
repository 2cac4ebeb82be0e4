import { describe, expect, it } from 'vitest'
import {
  MIN_CHUNK_MS,
  campaignCallFilters,
  detailsJobBody,
  detailsQueryBody,
  holdingQueueFilters,
  planChunks,
  resolveRange,
  splitChunk
} from '../../../src-main/core/history/query-plan'

const H = 3_600_000
const day = (d: string) => Date.parse(`${d}T00:00:00.000Z`)

describe('resolveRange', () => {
  const now = Date.parse('2026-03-12T14:05:30Z')

  it('turns local days into instants and stops a minute before now', () => {
    const past = resolveRange({ from: '2026-03-09', to: '2026-03-10', timeZone: 'UTC' }, now)
    expect(past).toEqual({ ok: true, startMs: day('2026-03-09'), endMs: day('2026-03-11'), queryEndMs: day('2026-03-11') })
    const today = resolveRange({ from: '2026-03-12', to: '2026-03-12', timeZone: 'UTC' }, now)
    expect(today.ok && new Date(today.queryEndMs).toISOString()).toBe('2026-03-12T14:04:00.000Z')
  })

  it('refuses reversed, too long, future and unknown-zone ranges with plain messages', () => {
    const refuse = (from: string, to: string, timeZone = 'UTC') => {
      const r = resolveRange({ from, to, timeZone }, now)
      return r.ok ? null : r.message
    }
    expect(refuse('2026-03-10', '2026-03-09')).toMatch(/first day must not be after/)
    expect(refuse('2026-01-01', '2026-02-01')).toMatch(/at most 31 days/)
    expect(refuse('2026-01-01', '2026-01-31')).toBeNull()
    expect(refuse('2026-03-13', '2026-03-13')).toMatch(/not started yet/)
    expect(refuse('2026-03-10', '2026-03-10', 'Nowhere/Land')).toMatch(/not a time zone/)
  })
})

describe('planChunks', () => {
  it('splits into day-sized query chunks when the data lake is unknown', () => {
    const chunks = planChunks(day('2026-03-09'), day('2026-03-11') + 6 * H, null)
    expect(chunks.map((c) => [new Date(c.startMs).toISOString(), (c.endMs - c.startMs) / H, c.source])).toEqual([
      ['2026-03-09T00:00:00.000Z', 24, 'query'],
      ['2026-03-10T00:00:00.000Z', 24, 'query'],
      ['2026-03-11T00:00:00.000Z', 6, 'query']
    ])
  })

  it('reads what the data lake holds with jobs and the rest with the query', () => {
    const chunks = planChunks(day('2026-03-09'), day('2026-03-11'), day('2026-03-10') + 9 * H + 30_123)
    expect(chunks.map((c) => [(c.startMs - day('2026-03-09')) / H, (c.endMs - day('2026-03-09')) / H, c.source])).toEqual([
      [0, 24, 'job'],
      [24, 24 + 9, 'job'],
      [33, 48, 'query']
    ])
    expect(planChunks(0, 10 * H, 20 * H).every((c) => c.source === 'job')).toBe(true)
    expect(planChunks(5 * H, 10 * H, 1 * H).every((c) => c.source === 'query')).toBe(true)
  })

  it('halves an overfull chunk on whole minutes, but not below 15 minutes', () => {
    const [a, b] = splitChunk({ startMs: 0, endMs: 3 * H, source: 'query' })!
    expect([a.endMs, b.startMs, b.endMs]).toEqual([1.5 * H, 1.5 * H, 3 * H])
    expect(splitChunk({ startMs: 0, endMs: 2 * MIN_CHUNK_MS, source: 'query' })).not.toBeNull()
    expect(splitChunk({ startMs: 0, endMs: 2 * MIN_CHUNK_MS - 60_000, source: 'query' })).toBeNull()
  })
})

describe('query bodies', () => {
  it('asks for the holding queue callbacks in start order with paging', () => {
    const chunk = { startMs: day('2026-03-10'), endMs: day('2026-03-11'), source: 'query' as const }
    expect(detailsQueryBody(holdingQueueFilters('q-1'), chunk, 3, 100)).toEqual({
      interval: '2026-03-10T00:00:00.000Z/2026-03-11T00:00:00.000Z',
      order: 'asc',
      orderBy: 'conversationStart',
      segmentFilters: [
        {
          type: 'and',
          predicates: [
            { type: 'dimension', dimension: 'queueId', operator: 'matches', value: 'q-1' },
            { type: 'dimension', dimension: 'mediaType', operator: 'matches', value: 'callback' }
          ]
        }
      ],
      paging: { pageSize: 100, pageNumber: 3 }
    })
    expect(detailsJobBody(campaignCallFilters('c-1'), chunk)).not.toHaveProperty('paging')
  })
})
