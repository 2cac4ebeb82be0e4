/**
 * History fixtures typed with the SDK's own `AnalyticsConversation`, shaped like the details query / job
 * return them: a customer participant (carrying the `cc.*` attributes in the job variant) and an `acd`
 * placeholder participant in the holding queue. Lifecycle attributes are produced by the real state machine
 * (`initialAttributes` + `decide`), so they are exactly what flows and consoles write.
 */
import type platformClient from 'purecloud-platform-client-v2'
import { decide, initialAttributes, type LifecycleCommand } from '../../../src-main/core/lifecycle'
import type { Actor, DialOutcome } from '../../../src-main/core/lifecycle-model'
import { readLifecycle } from '../../../src-main/core/lifecycle-record'

export type Conv = platformClient.Models.AnalyticsConversation

export const HOLDING = 'q-holding'
export const CAMPAIGN = 'camp-1'
export const TZ = 'Europe/London'
/** 10 March 2026: London is on GMT (UTC+0), so local times equal UTC in the fixtures. */
export const DAY = '2026-03-10'
export const iso = (ms: number): string => new Date(ms).toISOString()
/** Epoch ms of `HH:mm` on the fixture day. */
export const at = (hhmm: string, day = DAY): number => Date.parse(`${day}T${hhmm}:00.000Z`)

export const WORKFLOW: Actor = { kind: 'flow', id: 'wf-1', name: 'Callback workflow' }
export const DIALER: Actor = { kind: 'flow', id: 'camp-1', name: 'Callbacks dialer' }
export const JANE: Actor = { kind: 'user', id: 'u-jane', name: 'Jane Lead' }

/** One step of a callback's life: a command at a time. */
export interface Step {
  readonly atMs: number
  readonly command: LifecycleCommand
}

/** The `cc.*` attributes after a request and then `steps`, computed by the real lifecycle machine. */
export function lifecycleAttributes(
  id: string,
  requestedAtMs: number,
  promisedWaitSeconds: number,
  steps: Step[]
): Record<string, string> {
  let attributes: Record<string, string> = {
    ...initialAttributes({ actor: WORKFLOW, requestedAtMs, promisedWaitSeconds })
  }
  for (const step of steps) {
    const record = readLifecycle(attributes, { ended: false, participantState: null, endedAtMs: null })
    const decision = decide({ conversationId: id, record, dueAtMs: null }, step.command, { nowMs: step.atMs })
    if (!decision.ok) throw new Error(`fixture step refused: ${decision.conflict.message}`)
    attributes = { ...attributes, ...decision.patch }
  }
  return attributes
}

/** Steps: dispatched at `atMs`, then the dial results given, one minute apart each. */
export function dials(startMs: number, results: DialOutcome[]): Step[] {
  const steps: Step[] = []
  let t = startMs
  for (const result of results) {
    steps.push({ atMs: t, command: { kind: 'dispatch', actor: WORKFLOW } })
    steps.push({ atMs: t + 60_000, command: { kind: 'outcome', actor: DIALER, outcome: result } })
    t += 15 * 60_000
  }
  return steps
}

export interface PlaceholderSpec {
  id: string
  requestedAtMs: number
  endedAtMs?: number | null
  number?: string
  name?: string
  /** Put on the customer participant (job results); omit for the query variant "without attributes". */
  attributes?: Record<string, string>
  metrics?: { name: string; value: number }[]
  queueId?: string
}

/** A placeholder callback conversation as the analytics APIs return it. */
export function placeholder(spec: PlaceholderSpec): Conv {
  const start = iso(spec.requestedAtMs)
  const end = spec.endedAtMs == null ? undefined : iso(spec.endedAtMs)
  const callbackFields = {
    mediaType: 'callback',
    callbackNumbers: [spec.number ?? '+442079460018'],
    callbackUserName: spec.name ?? 'Ann Caller'
  }
  return {
    conversationId: spec.id,
    conversationStart: start,
    ...(end ? { conversationEnd: end } : {}),
    originatingDirection: 'inbound',
    divisionIds: ['div-1'],
    participants: [
      {
        participantId: `${spec.id}-cust`,
        participantName: spec.name ?? 'Ann Caller',
        purpose: 'customer',
        ...(spec.attributes ? { attributes: spec.attributes } : {}),
        sessions: [
          {
            ...callbackFields,
            sessionId: `${spec.id}-s1`,
            direction: 'inbound',
            segments: [{ segmentStart: start, segmentEnd: end, segmentType: 'interact' }]
          }
        ]
      },
      {
        participantId: `${spec.id}-acd`,
        purpose: 'acd',
        sessions: [
          {
            ...callbackFields,
            sessionId: `${spec.id}-s2`,
            direction: 'inbound',
            segments: [{ segmentStart: start, segmentEnd: end, segmentType: 'interact', queueId: spec.queueId ?? HOLDING }],
            metrics: [
              { name: 'nCallbackScheduled', value: 1, emitDate: start },
              ...(spec.metrics ?? []).map((m) => ({ ...m, emitDate: start }))
            ]
          }
        ]
      }
    ]
  }
}

/** The campaign's call for attempt `attempt` of `callbackId`, answered by an agent at `agentAtMs` (if given). */
export function campaignCall(id: string, callbackId: string, attempt: number, startMs: number, agentAtMs?: number): Conv {
  const participants: platformClient.Models.AnalyticsParticipant[] = [
    {
      participantId: `${id}-cust`,
      purpose: 'customer',
      sessions: [
        {
          mediaType: 'voice',
          direction: 'outbound',
          outboundCampaignId: CAMPAIGN,
          outboundContactId: `${callbackId}-a${attempt}`,
          segments: [{ segmentStart: iso(startMs), segmentType: 'dialing' }]
        }
      ]
    }
  ]
  if (agentAtMs !== undefined) {
    participants.push({
      participantId: `${id}-agent`,
      purpose: 'agent',
      userId: 'u-agent',
      sessions: [
        { mediaType: 'voice', segments: [{ segmentStart: iso(agentAtMs), segmentType: 'interact', queueId: 'q-target' }] }
      ]
    })
  }
  return { conversationId: id, conversationStart: iso(startMs), participants }
}
