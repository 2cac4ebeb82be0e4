import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocketServer, type WebSocket } from 'ws'
import { openSocket } from '../../../src-main/genesys/notifications/open-socket'
import { ChannelManager, type ChannelStatus, type ReconcileSignal } from '../../../src-main/genesys/notifications/channel-manager'
import type { GenesysSession } from '../../../src-main/genesys/session/session'
import type { DemoOrg } from '../../../src-main/sim/server'
import {
  ADMIN_CLIENT,
  DEMO_SECRET,
  VIEWER_CLIENT,
  demoTarget,
  gatewayForToken,
  newSession,
  startTestOrg,
  waitFor
} from './helpers/demo'

let org: DemoOrg
let session: GenesysSession
let manager: ChannelManager | undefined
let holdingId: string

beforeEach(async () => {
  org = await startTestOrg({ plugins: {}, heartbeatMs: 100 })
  holdingId = org.org.routing.createQueue({ name: 'Callback holding' }).id
  session = newSession()
  const r = await session.signInWithClientCredentials(demoTarget(org), ADMIN_CLIENT, DEMO_SECRET)
  expect(r.ok).toBe(true)
})

afterEach(async () => {
  manager?.dispose()
  manager = undefined
  session.dispose()
  await org.close()
})

function start(options: Partial<ConstructorParameters<typeof ChannelManager>[0]> = {}) {
  const frames: Record<string, unknown>[] = []
  const statuses: ChannelStatus[] = []
  const reconciles: ReconcileSignal[] = []
  manager = new ChannelManager({ gateway: session.gateway, watchdogMs: 1_000, ...options })
  manager.onDidReceive((f) => frames.push(f))
  manager.onDidChangeStatus((s) => statuses.push(s))
  manager.onDidNeedReconcile((r) => reconciles.push(r))
  manager.start([`v2.routing.queues.${holdingId}.conversations.callbacks`, `v2.analytics.queues.${holdingId}.observations`])
  return { frames, statuses, reconciles, m: manager }
}

function createCallback(name = 'Ada'): string {
  return org.org.conversations.createCallback({ queueId: holdingId, callbackNumbers: ['+13175550100'], callbackUserName: name })
    .id
}

const callbackFramesFor = (frames: Record<string, unknown>[], id: string) =>
  frames.filter((f) => String(f.topicName).endsWith('.conversations.callbacks') && (f.eventBody as { id?: string }).id === id)

describe('ChannelManager against the demo org', () => {
  it('goes live, delivers events and asks for the first reconcile', async () => {
    const { frames, reconciles, m } = start()
    await waitFor(() => m.status().state === 'live', 5_000, 'live')
    expect(reconciles).toEqual([{ reason: 'start', initial: true, gapStartedAt: null }])
    const id = createCallback()
    await waitFor(() => callbackFramesFor(frames, id).length > 0, 5_000, 'callback event')
    await waitFor(() => m.stats().heartbeats > 0, 5_000, 'heartbeat')
    expect(m.status().rejectedTopics).toEqual([])
  })

  it('reconnects after a dropped socket and signals a reconcile for the gap', async () => {
    const { frames, reconciles, statuses, m } = start()
    await waitFor(() => m.status().state === 'live', 5_000, 'live')
    const channel = m.channelId
    expect(org.faults.dropSockets()).toBe(1)
    await waitFor(() => reconciles.length === 2, 5_000, 'reconcile after drop')
    expect(reconciles[1]).toMatchObject({ initial: false })
    expect(reconciles[1]!.gapStartedAt).toBeTypeOf('number')
    expect(statuses.some((s) => s.state === 'reconnecting')).toBe(true)
    expect(m.channelId).toBe(channel) // the channel survived; only the socket was re-opened
    const id = createCallback()
    await waitFor(() => callbackFramesFor(frames, id).length > 0, 5_000, 'event after reconnect')
  })

  it('rolls over to a new channel on socket_closing without a gap', async () => {
    const { frames, reconciles, statuses, m } = start()
    await waitFor(() => m.status().state === 'live', 5_000, 'live')
    const first = m.channelId
    org.faults.sendSocketClosing(2_000)
    await waitFor(() => m.channelId !== first && m.channelId !== null, 5_000, 'new channel')
    expect(m.stats().rollovers).toBe(1)
    expect(reconciles).toHaveLength(1) // no gap: no reconcile needed
    expect(statuses.filter((s) => s.state === 'reconnecting')).toEqual([])
    const id = createCallback()
    await waitFor(() => callbackFramesFor(frames, id).length > 0, 5_000, 'event on the new channel')
    expect(org.channelCount()).toBe(2) // the old channel is idle now and expires (or is evicted first) on its own
  })

  it('rolls over before the channel expires, and recovers when channels are expired early', async () => {
    await org.close()
    org = await startTestOrg({ plugins: {}, heartbeatMs: 100, channelTtlMs: 1_500 })
    holdingId = org.org.routing.createQueue({ name: 'Callback holding' }).id
    session.dispose()
    session = newSession()
    expect((await session.signInWithClientCredentials(demoTarget(org), ADMIN_CLIENT, DEMO_SECRET)).ok).toBe(true)
    const { reconciles, frames, m } = start()
    await waitFor(() => m.status().state === 'live', 5_000, 'live')
    const first = m.channelId
    await waitFor(() => m.stats().rollovers >= 1, 5_000, 'proactive rollover')
    expect(m.channelId).not.toBe(first)
    expect(reconciles).toHaveLength(1)
    org.faults.expireChannels()
    await waitFor(() => reconciles.length === 2, 5_000, 'reconcile after expiry')
    const id = createCallback()
    await waitFor(() => callbackFramesFor(frames, id).length > 0, 5_000, 'event after expiry')
  })

  it('reports refused topics with the missing permission by name, and keeps the permitted ones', async () => {
    const restricted = org.issueToken(VIEWER_CLIENT, { permissions: ['routing:queue:view', 'conversation:communication:view'] })
    const { frames, statuses, m } = start({ gateway: gatewayForToken(org, restricted.token) })
    await waitFor(() => m.status().state === 'live', 5_000, 'live')
    expect(m.status().rejectedTopics).toEqual([
      {
        topic: `v2.analytics.queues.${holdingId}.observations`,
        reason: 'Missing permissions',
        missingPermissions: ['analytics:queueObservation:view']
      }
    ])
    expect(statuses.at(-1)!.rejectedTopics).toHaveLength(1)
    const id = createCallback()
    await waitFor(() => callbackFramesFor(frames, id).length > 0, 5_000, 'permitted topic still delivers')
  })
})

describe('ChannelManager watchdog and hostile frames', () => {
  let wss: WebSocketServer
  let url: string
  const sockets: WebSocket[] = []

  beforeEach(async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
    await new Promise((r) => wss.once('listening', r))
    url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`
    wss.on('connection', (ws) => sockets.push(ws))
  })

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.terminate()
    await new Promise((r) => wss.close(r))
  })

  const viaLocalServer = () => (_uri: string, timeoutMs: number, signal?: AbortSignal) => openSocket(url, timeoutMs, signal)

  it('pings a quiet socket and reconnects when nothing answers within the watchdog window', async () => {
    const pings: string[] = []
    wss.on('connection', (ws) => ws.on('message', (d) => pings.push(d.toString())))
    const { reconciles, m } = start({ openSocket: viaLocalServer(), watchdogMs: 300, pingAfterMs: 100 })
    await waitFor(() => m.status().state === 'live', 5_000, 'live')
    await waitFor(() => m.stats().reconnects >= 1, 5_000, 'watchdog reconnect')
    expect(pings).toContain('{"message":"ping"}')
    await waitFor(() => reconciles.length >= 2, 5_000, 'reconcile after the watchdog gap')
    expect(sockets.length).toBeGreaterThanOrEqual(2)
  })

  it('counts malformed and unknown frames without dropping the connection', async () => {
    wss.on('connection', (ws) => {
      ws.send('not json')
      ws.send('[1,2]')
      ws.send('{"no":"topic"}')
      ws.send(Buffer.from([1, 2, 3]), { binary: true })
      ws.send('{"topicName":"v2.something.new","eventBody":{}}')
      ws.send(`{"topicName":"v2.routing.queues.${holdingId}.conversations.callbacks","eventBody":{"id":"c1"}}`)
    })
    const { frames, m } = start({ openSocket: viaLocalServer(), watchdogMs: 5_000 })
    await waitFor(() => frames.length === 1, 5_000, 'the valid frame')
    expect(m.stats()).toMatchObject({ malformed: 4, unknownTopics: 1, dataFrames: 1, reconnects: 0 })
    expect(m.status().state).toBe('live')
  })
})
