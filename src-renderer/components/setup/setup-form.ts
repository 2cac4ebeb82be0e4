import type { InputProblem, SetupInputsDraft } from '../../../src-main/contract/setup-views'

/** Days of a business-hours week, Monday first, as the setup schema names them. */
export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type WeekDay = (typeof WEEK_DAYS)[number]

/** One weekday row of the business-hours editor. */
export interface DayHours {
  readonly day: WeekDay
  enabled: boolean
  open: string
  close: string
}

/**
 * The wizard's form as the lead edits it: flat, string-friendly fields that inputs bind to directly. `toDraft`
 * turns it into the engine's input shape, so the form never needs to know the schema's nesting.
 */
export interface SetupForm {
  targetQueueId: string
  namePrefix: string
  callerIdName: string
  callerIdNumber: string
  telephonyKind: 'site' | 'edgeGroup'
  telephonyId: string
  outboundLines: number | string
  waitSliceSeconds: number | string
  offerThresholdSeconds: number | string
  maxAttempts: number | string
  retryDelayMinutes: number | string
  useBusinessHours: boolean
  timeZone: string
  days: DayHours[]
  wrapupCodeName: string
  clientId: string
  clientSecret: string
  adopt: boolean
}

/** The schema's defaults, pre-filled so a lead only has to pick and type what is specific to their org. */
export function defaultForm(timeZone: string): SetupForm {
  return {
    targetQueueId: '',
    namePrefix: 'Callback Console',
    callerIdName: '',
    callerIdNumber: '',
    telephonyKind: 'site',
    telephonyId: '',
    outboundLines: 2,
    waitSliceSeconds: 60,
    offerThresholdSeconds: 120,
    maxAttempts: 3,
    retryDelayMinutes: 10,
    useBusinessHours: false,
    timeZone,
    days: WEEK_DAYS.map((day, i) => ({ day, enabled: i < 5, open: '08:00', close: '18:00' })),
    wrapupCodeName: '',
    clientId: '',
    clientSecret: '',
    adopt: false
  }
}

const num = (v: number | string): number => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v))

/** The engine's input shape for the form (defaults are sent explicitly, so what the lead sees is what is applied). */
export function toDraft(form: SetupForm): SetupInputsDraft {
  const enabledDays = form.days.filter((d) => d.enabled).map((d) => ({ day: d.day, open: d.open, close: d.close }))
  return {
    targetQueueId: form.targetQueueId,
    namePrefix: form.namePrefix,
    callerIdName: form.callerIdName,
    callerIdNumber: form.callerIdNumber,
    telephony: { kind: form.telephonyKind, id: form.telephonyId },
    outboundLines: num(form.outboundLines),
    waitSliceSeconds: num(form.waitSliceSeconds),
    offerThresholdSeconds: num(form.offerThresholdSeconds),
    retry: { maxAttempts: num(form.maxAttempts), retryDelayMinutes: num(form.retryDelayMinutes) },
    ...(form.useBusinessHours ? { businessHours: { timeZone: form.timeZone, days: enabledDays } } : {}),
    ...(form.wrapupCodeName.trim() ? { wrapupCodeName: form.wrapupCodeName } : {}),
    dataActionsClient: { clientId: form.clientId, clientSecret: form.clientSecret },
    adopt: form.adopt
  }
}

/** The form field a problem belongs to (`retry.maxAttempts` → `maxAttempts`); `form` when none fits. */
export function fieldOf(path: string): string {
  const [head, second, third] = path.split('.')
  switch (head) {
    case 'telephony':
      return 'telephonyId'
    case 'retry':
      return second === 'retryDelayMinutes' ? 'retryDelayMinutes' : 'maxAttempts'
    case 'dataActionsClient':
      return second === 'clientSecret' ? 'clientSecret' : 'clientId'
    case 'businessHours':
      if (second === 'timeZone') return 'timeZone'
      return second === 'days' && third !== undefined ? `day-${third}` : 'days'
    case undefined:
    case '(inputs)':
      return 'form'
    default:
      return head
  }
}

/** Problems grouped by form field; a business-hours day problem is keyed by the day it names. */
export function problemsByField(problems: readonly InputProblem[], form: SetupForm): Record<string, string[]> {
  const enabled = form.days.filter((d) => d.enabled)
  const out: Record<string, string[]> = {}
  for (const p of problems) {
    let field = fieldOf(p.path)
    const dayIndex = /^day-(\d+)$/.exec(field)?.[1]
    if (dayIndex !== undefined) field = `day-${enabled[Number(dayIndex)]?.day ?? 'mon'}`
    ;(out[field] ??= []).push(p.message)
  }
  return out
}
