/**
 * A small, fully known day of callbacks (10 March 2026, London = UTC) whose every chart number is worked out
 * by hand in charts.test.ts. Each callback's attributes come from the real lifecycle machine.
 */
import { parseHistoryConversations } from '../../../src-main/core/history/analytics-schema'
import { agentAnswersByCallback } from '../../../src-main/core/history/agent-answers'
import { toCallbackHistory, type CallbackHistoryRecord } from '../../../src-main/core/history/history-record'
import type { ReportSource } from '../../../src-main/core/history/history-report'
import { CC } from '../../../src-main/core/lifecycle-model'
import { JANE, TZ, at, campaignCall, dials, lifecycleAttributes, placeholder, type Conv } from './fixtures'

const cancel = (atMs: number, reason: string) => [{ atMs, command: { kind: 'cancel' as const, actor: JANE, reason } }]

/** The placeholders, with attributes on the customer participant as a details job returns them. */
export function dayConversations(): Conv[] {
  const c = (
    id: string,
    hhmm: string,
    wait: number,
    steps: ReturnType<typeof dials>,
    endedAt: string | null,
    extra: object = {}
  ) =>
    placeholder({
      id,
      requestedAtMs: at(hhmm),
      endedAtMs: endedAt === null ? null : at(endedAt),
      number: `+4420794600${id.slice(1)}`,
      name: `Caller ${id}`,
      attributes: lifecycleAttributes(id, at(hhmm), wait, steps),
      ...extra
    })
  const c13 = c('c13', '11:10', 900, dials(at('11:12'), ['answered']), '11:13')
  delete c13.participants![0]!.attributes![CC.promisedWaitSeconds]
  return [
    c('c01', '09:02', 900, dials(at('09:14'), ['answered']), '09:15'),
    c('c02', '09:07', 600, dials(at('09:20'), ['answered']), '09:21'),
    c('c03', '09:12', 1200, dials(at('09:50'), ['busy', 'answered']), '10:06'),
    c('c04', '09:20', 1800, dials(at('09:30'), ['answered']), '09:31'),
    c('c05', '09:25', 900, dials(at('09:40'), ['declined']), '09:41'),
    c('c06', '09:40', 900, dials(at('09:55'), ['no-answer', 'no-answer', 'no-answer']), '10:26'),
    c('c07', '10:05', 900, cancel(at('10:10'), 'Caller rang back in'), '10:10'),
    c('c08', '10:20', 900, cancel(at('10:21'), 'Duplicate request'), '10:21'),
    placeholder({
      id: 'c09',
      requestedAtMs: at('10:35'),
      endedAtMs: at('10:50'),
      metrics: [{ name: 'nCallbackAttempts', value: 1 }]
    }),
    c('c10', '10:40', 900, [], null),
    c('c11', '11:55', 900, [{ atMs: at('11:58'), command: { kind: 'dispatch', actor: JANE } }], null),
    c13,
    c('c12', '23:50', 900, [], null, { requestedAtMs: at('23:50', '2026-03-09') })
  ]
}

/** The campaign's calls: agents answered c01, c03 (second attempt) and c04; c03's first attempt was busy. */
export function dayCampaignCalls(): Conv[] {
  return [
    campaignCall('k1', 'c01', 1, at('09:14'), at('09:18')),
    campaignCall('k2', 'c03', 1, at('09:50')),
    campaignCall('k3', 'c03', 2, at('10:05'), at('10:10')),
    campaignCall('k4', 'c04', 1, at('09:30'), at('09:33')),
    campaignCall('k5', 'not-ours', 1, at('09:00'), at('09:01'))
  ]
}

/** Records built the way the service builds them. */
export function dayRecords(): CallbackHistoryRecord[] {
  const parsed = parseHistoryConversations(JSON.parse(JSON.stringify(dayConversations())))
  return parsed.conversations.map((conv) => toCallbackHistory(conv, null)).filter((r): r is CallbackHistoryRecord => r !== null)
}

/** A ReportSource for the fixture day, read completely. */
export function daySource(overrides: Partial<ReportSource> = {}): ReportSource {
  const calls = parseHistoryConversations(JSON.parse(JSON.stringify(dayCampaignCalls()))).conversations
  return {
    runId: 'run-1',
    range: { from: '2026-03-10', to: '2026-03-10', timeZone: TZ },
    startMs: at('00:00'),
    endMs: at('00:00', '2026-03-11'),
    coveredUntilMs: at('00:00', '2026-03-11'),
    generatedAtMs: at('12:00', '2026-03-11'),
    records: dayRecords(),
    agentAnswers: agentAnswersByCallback(calls),
    agentTimesRead: true,
    toleranceMinutes: 5,
    unreadDetails: 0,
    rejected: 0,
    ...overrides
  }
}
