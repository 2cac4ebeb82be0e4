/**
 * Latest queue observations (waiting, agents on queue) and EWT per queue, from the observations topic, the
 * observations query and EWT predictions. Notifications may carry only some metrics or one media type, so
 * values are merged per queue, media-type group and metric; an observation older than the one held is ignored.
 */
import {
  observationEventSchema,
  observationQueryResponseSchema,
  estimatedWaitSchema,
  type MetricStats
} from './aggregate-schemas'
import { describeIssue } from './describe-issue'

/** What applying one aggregate input did. */
export type AggregateOutcome = 'applied' | 'stale' | 'ignored' | { readonly malformed: string }

interface GroupValues {
  atMs: number | null
  /** metric → qualifier ('' when none) → value */
  readonly metrics: Map<string, Map<string, number>>
}

const WHOLE = '*'

function intervalEnd(interval: string | null | undefined): number | null {
  if (!interval) return null
  const end = Date.parse(interval.split('/').pop() ?? '')
  return Number.isNaN(end) ? null : end
}

function valueOf(m: MetricStats): number | null {
  const v = m.stats?.count ?? m.stats?.current ?? null
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** Observation and EWT figures for the queues a board watches. */
export class QueueObservations {
  private readonly byQueue = new Map<string, Map<string, GroupValues>>()
  private readonly ewt = new Map<string, number>()

  /** `accept` limits storage to the watched queues (null = every queue). */
  constructor(private readonly accept: ((queueId: string) => boolean) | null) {}

  /** Applies a `v2.analytics.queues.{id}.observations` body. */
  applyEvent(topicQueueId: string, body: unknown): AggregateOutcome {
    const parsed = observationEventSchema.safeParse(body)
    if (!parsed.success) return { malformed: describeIssue(parsed.error) }
    const queueId = parsed.data.group?.queueId ?? topicQueueId
    const metrics = (parsed.data.data ?? []).flatMap((d) => d.metrics ?? [])
    const times = (parsed.data.data ?? []).map((d) => intervalEnd(d.interval)).filter((t): t is number => t !== null)
    const atMs = times.length > 0 ? Math.max(...times) : null
    return this.merge(queueId, parsed.data.group?.mediaType ?? null, atMs, metrics)
  }

  /** Applies a `QueueObservationQueryResponse` (every result group). */
  applyQuery(body: unknown): AggregateOutcome {
    const parsed = observationQueryResponseSchema.safeParse(body)
    if (!parsed.success) return { malformed: describeIssue(parsed.error) }
    let outcome: AggregateOutcome = 'ignored'
    for (const result of parsed.data.results ?? []) {
      const queueId = result.group?.queueId
      if (!queueId) continue
      if (this.merge(queueId, result.group?.mediaType ?? null, null, result.data ?? []) === 'applied') outcome = 'applied'
    }
    return outcome
  }

  /** Records an EWT: a number of seconds or `EstimatedWaitTimePredictions` (CALL intent preferred). */
  setEstimatedWait(queueId: string, value: unknown): AggregateOutcome {
    const parsed = estimatedWaitSchema.safeParse(value)
    if (!parsed.success) return { malformed: describeIssue(parsed.error) }
    const data = parsed.data
    const results = typeof data === 'number' ? [] : (data.results ?? [])
    const pick = (intent: string) => results.find((r) => r.intent === intent && typeof r.estimatedWaitTimeSeconds === 'number')
    const seconds =
      typeof data === 'number'
        ? data
        : (pick('CALL') ?? pick('ALL') ?? results.find((r) => typeof r.estimatedWaitTimeSeconds === 'number'))
            ?.estimatedWaitTimeSeconds
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return 'ignored'
    this.ewt.set(queueId, seconds)
    return 'applied'
  }

  private merge(
    queueId: string,
    mediaType: string | null,
    atMs: number | null,
    metrics: readonly MetricStats[]
  ): AggregateOutcome {
    if (this.accept && !this.accept(queueId)) return 'ignored'
    const groups = this.byQueue.get(queueId) ?? new Map<string, GroupValues>()
    this.byQueue.set(queueId, groups)
    const key = mediaType ?? WHOLE
    const group = groups.get(key) ?? { atMs: null, metrics: new Map() }
    if (atMs !== null && group.atMs !== null && atMs < group.atMs) return 'stale'
    const fresh = new Map<string, Map<string, number>>()
    for (const m of metrics) {
      const value = valueOf(m)
      if (!m.metric || value === null) continue
      const byQualifier = fresh.get(m.metric) ?? new Map<string, number>()
      byQualifier.set(m.qualifier ?? '', value)
      fresh.set(m.metric, byQualifier)
    }
    for (const [metric, values] of fresh) group.metrics.set(metric, values)
    if (atMs !== null) group.atMs = atMs
    groups.set(key, group)
    return 'applied'
  }

  private sum(queueId: string, metric: string, combine: (values: number[]) => number): number | null {
    const groups = this.byQueue.get(queueId)
    if (!groups) return null
    const total = (g: GroupValues | undefined): number | null => {
      const q = g?.metrics.get(metric)
      return q ? [...q.values()].reduce((a, b) => a + b, 0) : null
    }
    const whole = total(groups.get(WHOLE))
    if (whole !== null) return whole
    const parts = [...groups.values()].map(total).filter((v): v is number => v !== null)
    return parts.length > 0 ? combine(parts) : null
  }

  /** Conversations waiting in the queue (`oWaiting`), all media types; null until observed. */
  waiting(queueId: string): number | null {
    return this.sum(queueId, 'oWaiting', (v) => v.reduce((a, b) => a + b, 0))
  }

  /** Agents on queue (`oOnQueueUsers`, every routing status); null until observed. */
  agentsOnQueue(queueId: string): number | null {
    return this.sum(queueId, 'oOnQueueUsers', (v) => Math.max(...v))
  }

  /** Last EWT recorded for the queue, seconds. */
  estimatedWaitSeconds(queueId: string): number | null {
    return this.ewt.get(queueId) ?? null
  }
}
