/**
 * Runtime schemas for the non-conversation inputs of the board: queue observations (topic and REST query),
 * campaign configuration, progress and stats (topic and REST), contact list configuration and EWT predictions.
 * Lenient like conversation-schemas.ts: only the fields used, all optional, extra fields ignored.
 */
import { z } from 'zod'

const text = z.string().nullish()
const num = z.number().nullish()
const stats = z.record(z.string(), z.number().nullish()).nullish()
const metricStats = z.object({ metric: text, qualifier: text, stats })

/** `v2.analytics.queues.{id}.observations` body (`StatEventQueueTopicStatsNotification`). */
export const observationEventSchema = z.object({
  group: z.record(z.string(), z.string().nullish()).nullish(),
  data: z.array(z.object({ interval: text, metrics: z.array(metricStats).nullish() })).nullish()
})

/** `POST /api/v2/analytics/queues/observations/query` response (`QueueObservationQueryResponse`). */
export const observationQueryResponseSchema = z.object({
  results: z
    .array(z.object({ group: z.record(z.string(), z.string().nullish()).nullish(), data: z.array(metricStats).nullish() }))
    .nullish()
})

/** `Campaign` (REST) and `DialerCampaignConfigChangeCampaign` (`v2.outbound.campaigns.{id}`). */
export const campaignSchema = z.object({
  id: text,
  name: text,
  campaignStatus: text,
  outboundLineCount: num,
  errors: z.array(z.unknown()).nullish(),
  callableTimeSet: z.object({ id: text }).nullish(),
  version: num,
  dateModified: text
})

/** `CallableTimeSet` (REST `GET /api/v2/outbound/callabletimesets/{id}`): the campaign's weekly call windows. */
export const callableTimeSetSchema = z.object({
  id: text,
  callableTimes: z
    .array(
      z.object({
        timeZoneId: z.string(),
        timeSlots: z
          .array(z.object({ startTime: z.string(), stopTime: z.string(), day: z.number().int().min(1).max(7) }))
          .nullish()
      })
    )
    .nullish()
})

/** `CampaignProgress` (REST) and `DialerCampaignProgressEventCampaignProgress` (`.progress`). */
export const campaignProgressSchema = z.object({
  campaign: z.object({ id: text }).nullish(),
  numberOfContactsCalled: num,
  totalNumberOfContacts: num,
  percentage: num
})

/**
 * `CampaignStats` (REST `getOutboundCampaignStats`) or `StatEventCampaignTopicStatsNotification` (`.stats`):
 * both families in one lenient object.
 */
export const campaignStatsSchema = z.object({
  outstandingCalls: num,
  linesUtilization: z.object({ assignedOutboundLines: num, totalAvailableOutboundLines: num }).nullish(),
  group: z.record(z.string(), z.string().nullish()).nullish(),
  data: z.array(z.object({ interval: text, metrics: z.array(metricStats).nullish() })).nullish()
})

/** `ContactList` (REST) and `DialerContactlistConfigChangeContactList` (`v2.outbound.contactlists.{id}`). */
export const contactListSchema = z.object({ id: text, name: text, size: num, version: num })

/** `EstimatedWaitTimePredictions` from `getRoutingQueueEstimatedwaittime`, or a bare number of seconds. */
export const estimatedWaitSchema = z.union([
  z.number(),
  z.object({
    results: z.array(z.object({ intent: text, formula: text, estimatedWaitTimeSeconds: num })).nullish()
  })
])

/** One metric reading as stored. */
export type MetricStats = z.infer<typeof metricStats>
