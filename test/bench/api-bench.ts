/**
 * API economy of the live board (issue 4): REST calls for the first snapshot of 5,000 waiting callbacks
 * (target ≤ 60), and REST calls per hour in steady state with 1,000 waiting callbacks and a full hour of
 * callback traffic over the notification channel (target: nothing beyond the reconciliation floor).
 *
 * The steady-state hour runs on a demo org at 600× speed (one org hour = 6 s): the board service is given the
 * org's clock and timers scaled by the same factor, so its floor, ticks and frame batching see an hour pass.
 */
import { SessionGateway } from '../../src-main/genesys/gateway'
import { LiveBoardService } from '../../src-main/genesys/live/board-service'
import type { DeploymentProfile } from '../../src-main/genesys/profile/profile-schema'
import { createSdkClient } from '../../src-main/genesys/session/sdk-client'
import type { TimerHandle, Timers } from '../../src-main/genesys/timers'
import { CC } from '../../src-main/core/lifecycle-model'
import { findDeployment } from '../../src-main/sim/domains/solution/deployment'
import { seedSolution } from '../../src-main/sim/domains/solution/seed-solution'
import { domainPlugins } from '../../src-main/sim/plugins'
import { startDemoOrg, type DemoOrg } from '../../src-main/sim/server'

const SNAPSHOT_CALLBACKS = 5_000
const STEADY_CALLBACKS = 1_000
const SPEED = 600
const HOUR_MS = 3_600_000

/** What `npm run bench -- api` records. */
export interface ApiBenchResult {
  readonly firstSnapshotCalls: number
  readonly firstSnapshotCallsByEndpoint: Record<string, number>
  readonly firstSnapshotRows: number
  /** Background re-reads after the board was complete (rows read in bulk that are already due). */
  readonly firstSnapshotRefineCalls: number
  readonly firstSnapshotMs: number
  readonly steadyStateCallsPerHour: number
  /** Org hours between the start and the end of the measurement (the calls are scaled to one hour). */
  readonly steadyStateHoursMeasured: number
  readonly steadyStateCallsByEndpoint: Record<string, number>
  readonly steadyStateWaiting: number
  readonly steadyStateCallbacksCreated: number
  readonly steadyStateCallbacksFinished: number
  readonly steadyStateFramesReceived: number
  /** The board's live rows equal the org's waiting callbacks at the end of the hour. */
  readonly steadyStateBoardMatchesOrg: boolean
}

async function startOrg(speed: number): Promise<{ demo: DemoOrg; profile: DeploymentProfile }> {
  const demo = await startDemoOrg({
    plugins: { ...domainPlugins, seedSolution: (o, opts) => void seedSolution(o, opts) },
    speed,
    seed: 11,
    log: () => undefined
  })
  const d = findDeployment(demo.org)
  if (!d.holdingQueueId || !d.targetQueueId || !d.campaignId || !d.contactListId)
    throw new Error('[ApiBench] demo org has no deployed solution')
  return {
    demo,
    profile: {
      holdingQueueId: d.holdingQueueId,
      targetQueueIds: [d.targetQueueId],
      campaignId: d.campaignId,
      contactListId: d.contactListId
    }
  }
}

function gatewayFor(demo: DemoOrg): SessionGateway {
  const controller = new AbortController()
  const sdk = createSdkClient({ kind: 'demo', baseUrl: demo.baseUrl }, () => controller.signal)
  sdk.client.setAccessToken(demo.issueToken('callback-console-demo').token)
  return new SessionGateway({ apis: sdk.apis, signal: controller.signal, tokenRejected: () => undefined })
}

function createCallback(demo: DemoOrg, queueId: string, i: number, dueInMs: number): string {
  const now = demo.org.clock.now()
  const at = new Date(now).toISOString()
  return demo.org.conversations.createCallback({
    queueId,
    callbackNumbers: [`+1317555${String(i % 10_000).padStart(4, '0')}`],
    callbackUserName: `Caller ${i}`,
    callbackScheduledTime: now + dueInMs,
    data: {
      [CC.state]: 'waiting',
      [CC.stateAt]: at,
      [CC.requestedAt]: at,
      [CC.promisedWaitSeconds]: String(Math.round(dueInMs / 1000))
    }
  }).id
}

const sum = (m: ReadonlyMap<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0)

/** Timers that run `speed` times faster than the wall clock (the org's sim clock pace). */
function scaledTimers(speed: number): Timers {
  return {
    setTimeout: (fn, ms) => setTimeout(fn, Math.max(0, ms / speed)) as unknown as TimerHandle,
    clearTimeout: (h) => {
      if (h) clearTimeout(h as unknown as ReturnType<typeof setTimeout>)
    }
  }
}

async function firstSnapshot(): Promise<
  Pick<
    ApiBenchResult,
    'firstSnapshotCalls' | 'firstSnapshotCallsByEndpoint' | 'firstSnapshotRows' | 'firstSnapshotRefineCalls' | 'firstSnapshotMs'
  >
> {
  const { demo, profile } = await startOrg(1)
  const service = { current: undefined as LiveBoardService | undefined }
  try {
    for (let i = 0; i < SNAPSHOT_CALLBACKS; i++)
      createCallback(demo, profile.holdingQueueId, i, 10 * 60_000 + ((i * 7_919) % (2 * HOUR_MS)))
    const gateway = gatewayFor(demo)
    service.current = new LiveBoardService({ gateway, profile })
    const started = Date.now()
    service.current.start()
    await service.current.whenSynced()
    const firstSnapshotMs = Date.now() - started
    const counts = gateway.callCounts()
    await service.current.whenIdle()
    return {
      firstSnapshotCalls: sum(counts),
      firstSnapshotCallsByEndpoint: Object.fromEntries(counts),
      firstSnapshotRows: service.current.board.rows().length,
      firstSnapshotRefineCalls: sum(gateway.callCounts()) - sum(counts),
      firstSnapshotMs
    }
  } finally {
    service.current?.dispose()
    await demo.close()
  }
}

async function steadyState(): Promise<Omit<ApiBenchResult, keyof Awaited<ReturnType<typeof firstSnapshot>>>> {
  const { demo, profile } = await startOrg(SPEED)
  const clock = (): number => demo.org.clock.now()
  const waiting = new Map<string, number>()
  let created = 0
  let finished = 0
  const add = (): void => {
    const id = createCallback(
      demo,
      profile.holdingQueueId,
      created,
      5 * 60_000 + Math.floor((((created * 7_919) % 1_000) / 1_000) * 2 * HOUR_MS * 0.9)
    )
    waiting.set(id, demo.org.conversations.get(id)!.callback!.callbackScheduledTime!)
    created++
  }
  for (let i = 0; i < STEADY_CALLBACKS; i++) add()
  const gateway = gatewayFor(demo)
  // Timers and settle time are in org time: the floor's 2 s settle for events in flight becomes 0.3 s of real
  // time (180 org seconds), as network latency does not speed up with the org.
  const service = new LiveBoardService({
    gateway,
    profile,
    clock,
    timers: scaledTimers(SPEED),
    channel: { watchdogMs: 24 * HOUR_MS },
    settleMs: 0.3 * SPEED * 1_000
  })
  let frames = 0
  service.channel.onDidReceive(() => frames++)
  try {
    service.start()
    await service.whenSynced()
    await service.whenIdle()
    gateway.resetCounts()
    frames = 0
    const measuredFrom = clock()
    const hourEnds = measuredFrom + HOUR_MS
    // Every ~20 ms (12 org seconds): callbacks that fell due are dispatched and answered, new ones arrive.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const now = clock()
        for (const [id, due] of waiting) {
          if (due > now) continue
          const conv = demo.org.conversations.get(id)!
          const customer = demo.org.conversations.customerOf(conv)!
          const at = new Date(now).toISOString()
          demo.org.conversations.setParticipantAttributes(id, customer.id, {
            [CC.state]: 'dispatched',
            [CC.stateAt]: at,
            [CC.dispatchedAt]: at
          })
          demo.org.conversations.setParticipantAttributes(id, customer.id, {
            [CC.state]: 'connected',
            [CC.stateAt]: new Date(now + 1).toISOString()
          })
          demo.org.conversations.disconnect(id)
          waiting.delete(id)
          finished++
        }
        while (waiting.size < STEADY_CALLBACKS) add()
        if (now >= hourEnds) {
          clearInterval(timer)
          resolve()
        }
      }, 20)
    })
    const counts = gateway.callCounts()
    const hours = (clock() - measuredFrom) / HOUR_MS
    await new Promise((r) => setTimeout(r, 500))
    service.flush()
    const live = new Set(
      service.board
        .rows()
        .filter((r) => r.state === 'waiting' || r.state === 'dispatched')
        .map((r) => r.id)
    )
    const matches = live.size === waiting.size && [...waiting.keys()].every((id) => live.has(id))
    return {
      steadyStateCallsPerHour: Math.round(sum(counts) / hours),
      steadyStateHoursMeasured: Math.round(hours * 100) / 100,
      steadyStateCallsByEndpoint: Object.fromEntries(counts),
      steadyStateWaiting: waiting.size,
      steadyStateCallbacksCreated: created - STEADY_CALLBACKS,
      steadyStateCallbacksFinished: finished,
      steadyStateFramesReceived: frames,
      steadyStateBoardMatchesOrg: matches
    }
  } finally {
    service.dispose()
    await demo.close()
  }
}

/** Runs both measurements. */
export async function runApiBench(): Promise<ApiBenchResult> {
  const first = await firstSnapshot()
  const steady = await steadyState()
  return { ...first, ...steady }
}
