/**
 * The campaign and contact list as the KPI header shows them: status, configuration errors, lines configured
 * and in use, progress, list size. Fed by the outbound topics and the REST reads of the same objects;
 * configuration updates older than the version held are ignored.
 */
import {
  callableTimeSetSchema,
  campaignProgressSchema,
  campaignSchema,
  campaignStatsSchema,
  contactListSchema
} from './aggregate-schemas'
import type { CallableWindow } from './board-types'
import { describeIssue } from './describe-issue'
import type { AggregateOutcome } from './queue-observations'

/**
 * Campaign stats metrics read as "lines in use" from the `.stats` topic. REST `CampaignStats` gives
 * `linesUtilization.assignedOutboundLines` (preferred) or `outstandingCalls`.
 */
export const LINES_IN_USE_METRICS: readonly string[] = ['oOutstandingCalls', 'oLinesInUse']

/** The outbound figures of the KPI header. */
export interface OutboundFigures {
  readonly campaignStatus: string | null
  readonly campaignErrors: number
  readonly campaignLines: number | null
  readonly campaignLinesInUse: number | null
  readonly campaignProgressPercent: number | null
  readonly contactListSize: number | null
  readonly campaignCallableTimes: readonly CallableWindow[] | null
}

/** Which campaign and contact list to follow (null = the first one seen). */
export interface OutboundScope {
  readonly campaignId: string | null
  readonly contactListId: string | null
}

/** Latest campaign and contact list figures. */
export class OutboundState {
  private campaignVersion: number | null = null
  private listVersion: number | null = null
  private figures: OutboundFigures = {
    campaignStatus: null,
    campaignErrors: 0,
    campaignLines: null,
    campaignLinesInUse: null,
    campaignProgressPercent: null,
    contactListSize: null,
    campaignCallableTimes: null
  }
  /** The campaign's callable time set id as last seen (null = none; undefined = campaign not seen yet). */
  private timeSetId: string | null | undefined = undefined

  constructor(private readonly scope: OutboundScope) {}

  /** Current figures. */
  get value(): OutboundFigures {
    return this.figures
  }

  /** The id of the campaign's callable time set (null = none; undefined = the campaign has not been seen yet). */
  get callableTimeSetId(): string | null | undefined {
    return this.timeSetId
  }

  /**
   * Applies a `CallableTimeSet` read for `id`; ignored unless it is still the campaign's set (a read that raced a
   * campaign change). Malformed bodies are reported like any other aggregate.
   */
  applyCallableTimeSet(id: string, body: unknown): AggregateOutcome {
    if (id !== this.timeSetId) return 'ignored'
    const parsed = callableTimeSetSchema.safeParse(body)
    if (!parsed.success) return { malformed: describeIssue(parsed.error) }
    const windows: CallableWindow[] = (parsed.data.callableTimes ?? []).map((t) => ({
      timeZoneId: t.timeZoneId,
      slots: (t.timeSlots ?? []).map((s) => ({ day: s.day, startTime: s.startTime, stopTime: s.stopTime }))
    }))
    this.figures = { ...this.figures, campaignCallableTimes: windows }
    return 'applied'
  }

  private watches(id: string | null | undefined, wanted: string | null): boolean {
    return wanted === null || !id || id === wanted
  }

  /** Applies a `Campaign` / campaign config change (`topicId` = id from the topic name, if any). */
  applyCampaign(topicId: string | null, body: unknown): AggregateOutcome {
    const parsed = campaignSchema.safeParse(body)
    if (!parsed.success) return { malformed: describeIssue(parsed.error) }
    const c = parsed.data
    if (!this.watches(c.id ?? topicId, this.scope.campaignId)) return 'ignored'
    if (typeof c.version === 'number' && this.campaignVersion !== null && c.version < this.campaignVersion) return 'stale'
    if (typeof c.version === 'number') this.campaignVersion = c.version
    const timeSetId = c.callableTimeSet?.id ?? null
    const timeSetChanged = timeSetId !== this.timeSetId
    this.timeSetId = timeSetId
    this.figures = {
      ...this.figures,
      ...(timeSetChanged ? { campaignCallableTimes: null } : {}),
      campaignStatus: c.campaignStatus ?? this.figures.campaignStatus,
      campaignErrors: c.errors?.length ?? 0,
      campaignLines: c.outboundLineCount ?? this.figures.campaignLines
    }
    return 'applied'
  }

  /** Applies `CampaignProgress` (REST or `.progress` topic). */
  applyProgress(topicId: string | null, body: unknown): AggregateOutcome {
    const parsed = campaignProgressSchema.safeParse(body)
    if (!parsed.success) return { malformed: describeIssue(parsed.error) }
    const p = parsed.data
    if (!this.watches(p.campaign?.id ?? topicId, this.scope.campaignId)) return 'ignored'
    const total = p.totalNumberOfContacts
    const derived =
      typeof total === 'number' && total > 0 && typeof p.numberOfContactsCalled === 'number'
        ? (100 * p.numberOfContactsCalled) / total
        : null
    this.figures = { ...this.figures, campaignProgressPercent: p.percentage ?? derived }
    return 'applied'
  }

  /** Applies `CampaignStats` (REST) or a `.stats` topic body. */
  applyStats(topicId: string | null, body: unknown): AggregateOutcome {
    const parsed = campaignStatsSchema.safeParse(body)
    if (!parsed.success) return { malformed: describeIssue(parsed.error) }
    if (!this.watches(topicId, this.scope.campaignId)) return 'ignored'
    const s = parsed.data
    const metric = (s.data ?? []).flatMap((d) => d.metrics ?? []).find((m) => m.metric && LINES_IN_USE_METRICS.includes(m.metric))
    const fromMetric = metric?.stats?.count ?? metric?.stats?.current ?? null
    const inUse = s.linesUtilization?.assignedOutboundLines ?? s.outstandingCalls ?? fromMetric
    if (typeof inUse !== 'number') return 'ignored'
    this.figures = { ...this.figures, campaignLinesInUse: inUse }
    return 'applied'
  }

  /** Applies a `ContactList` / contact list config change. */
  applyContactList(topicId: string | null, body: unknown): AggregateOutcome {
    const parsed = contactListSchema.safeParse(body)
    if (!parsed.success) return { malformed: describeIssue(parsed.error) }
    const l = parsed.data
    if (!this.watches(l.id ?? topicId, this.scope.contactListId)) return 'ignored'
    if (typeof l.version === 'number' && this.listVersion !== null && l.version < this.listVersion) return 'stale'
    if (typeof l.version === 'number') this.listVersion = l.version
    this.figures = { ...this.figures, contactListSize: l.size ?? this.figures.contactListSize }
    return 'applied'
  }
}
