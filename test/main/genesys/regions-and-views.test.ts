import { describe, expect, it } from 'vitest'
import platformClient from 'purecloud-platform-client-v2'
import type { BoardChange, BoardDiff, BoardRow } from '../../../src-main/core/board/board-types'
import { connectionView, type SyncFacts } from '../../../src-main/genesys/live/connection-view'
import { DiffPump } from '../../../src-main/genesys/live/diff-pump'
import type { ChannelStatus } from '../../../src-main/genesys/notifications/channel-manager'
import { findRegion, listRegions } from '../../../src-main/genesys/regions'
import { ManualTimers } from '../../../src-main/genesys/timers'

describe('regions', () => {
  it('offers every region host the SDK knows, labelled', () => {
    const regions = listRegions()
    expect(regions.map((r) => r.id).sort()).toEqual(Object.keys(platformClient.PureCloudRegionHosts).sort())
    expect(findRegion('eu_west_1')).toEqual({ id: 'eu_west_1', host: 'mypurecloud.ie', label: 'EMEA (Dublin) — mypurecloud.ie' })
    expect(findRegion('nowhere')).toBeNull()
    for (const r of regions) expect(r.label).toContain(r.host)
  })
})

describe('DiffPump', () => {
  const row = (id: string, name: string): BoardRow => ({ id, name }) as unknown as BoardRow
  const upsert = (id: string, name: string): BoardChange => ({ kind: 'upsert', row: row(id, name) })

  it('emits at most one coalesced batch per frame', () => {
    const timers = new ManualTimers(0)
    const out: BoardDiff[] = []
    const pump = new DiffPump(timers, timers.now, 16, (d) => out.push(d))
    pump.add([upsert('a', 'A1')])
    pump.add([upsert('a', 'A2'), upsert('b', 'B')])
    expect(out).toHaveLength(0)
    timers.advance(0)
    expect(out).toHaveLength(1)
    expect(out[0]!.upserts.map((r) => r.name)).toEqual(['A2', 'B'])
    pump.add([upsert('a', 'A3')])
    timers.advance(10)
    expect(out).toHaveLength(1)
    pump.add([{ kind: 'remove', id: 'b' }])
    timers.advance(6)
    expect(out).toHaveLength(2)
    expect(out[1]).toEqual({ upserts: [row('a', 'A3')], removals: ['b'], kpis: null })
    pump.dispose()
  })
})

describe('connectionView', () => {
  const channel = (state: ChannelStatus['state'], gapSince: number | null = null): ChannelStatus => ({
    state,
    gapSince,
    detail: null,
    rejectedTopics: []
  })
  const facts = (over: Partial<SyncFacts> = {}): SyncFacts => ({
    started: true,
    hasBaseline: true,
    syncing: false,
    failed: null,
    incompleteSince: null,
    ...over
  })

  it('is live only when streaming and caught up', () => {
    expect(connectionView(channel('live'), facts(), 0, 30_000)).toMatchObject({ state: 'live', since: null })
    expect(connectionView(channel('live'), facts({ incompleteSince: 1_000 }), 2_000, 30_000)).toMatchObject({
      state: 'reconnecting',
      since: new Date(1_000).toISOString()
    })
    expect(connectionView(channel('live'), facts({ hasBaseline: false }), 0, 30_000).state).toBe('connecting')
  })

  it('turns a long gap or a failed reconcile into "stale since"', () => {
    expect(connectionView(channel('reconnecting', 0), facts(), 10_000, 30_000).state).toBe('reconnecting')
    expect(connectionView(channel('reconnecting', 0), facts(), 31_000, 30_000)).toMatchObject({
      state: 'stale',
      since: new Date(0).toISOString()
    })
    expect(
      connectionView(channel('live'), facts({ failed: 'Genesys Cloud had a problem', incompleteSince: 5 }), 10, 30_000)
    ).toMatchObject({ state: 'stale', detail: 'Genesys Cloud had a problem' })
    expect(connectionView(channel('stopped'), facts(), 0, 30_000).state).toBe('offline')
  })
})
