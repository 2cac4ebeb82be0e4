/**
 * What a lead types into the guided-setup wizard (or passes to `npm run provision`), validated as one schema so
 * the form, the CLI and the engine refuse exactly the same things with the same words.
 */
import { z } from 'zod'
import { isE164 } from '../phone'

const entityId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'not a valid Genesys id')

/** Days a business-hours window can name, Monday first (the outbound API numbers them 1–7 the same way). */
export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour)')

const businessDay = z
  .object({ day: z.enum(WEEK_DAYS), open: clock, close: clock })
  .refine((d) => d.open < d.close, { message: 'the closing time must be after the opening time', path: ['close'] })

/** Weekly dialling hours in one IANA time zone; callbacks are only dialled inside them. */
export const businessHoursSchema = z.object({
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, 'not a known IANA time zone (e.g. Europe/London)'),
  days: z.array(businessDay).min(1, 'give at least one day').max(14)
})

/** Every setup input, with the defaults the wizard pre-fills. */
export const setupInputsSchema = z.object({
  targetQueueId: entityId,
  namePrefix: z
    .string()
    .trim()
    .min(1, 'give a name prefix')
    .max(40, 'at most 40 characters')
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'letters, digits, spaces, dots, dashes and underscores only')
    .default('Callback Console'),
  callerIdName: z
    .string()
    .trim()
    .min(1, 'give the caller ID name')
    .max(40, 'at most 40 characters')
    .regex(/^[^\p{Cc}]+$/u, 'no control characters'),
  callerIdNumber: z.string().trim().refine(isE164, 'use E.164, e.g. +13175550100'),
  telephony: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('site'), id: entityId }),
    z.object({ kind: z.literal('edgeGroup'), id: entityId })
  ]),
  outboundLines: z.number().int().min(1).max(200).default(2),
  /** Longest Wait slice of the workflow: a reschedule to an earlier time is honoured within one slice. */
  waitSliceSeconds: z.number().int().min(15).max(900).default(60),
  /** Offer a callback only when the caller's estimated wait is at least this long. */
  offerThresholdSeconds: z.number().int().min(0).max(7200).default(120),
  retry: z
    .object({
      maxAttempts: z.number().int().min(1).max(6).default(3),
      retryDelayMinutes: z.number().int().min(1).max(240).default(10)
    })
    .default({ maxAttempts: 3, retryDelayMinutes: 10 }),
  businessHours: businessHoursSchema.optional(),
  /** An existing wrap-up code for the outbound flow's unanswered dials; empty = setup creates its own. */
  wrapupCodeName: z.string().trim().min(1).max(100).optional(),
  /** The OAuth client (client credentials) the data actions run as; the secret is written once, never read back. */
  dataActionsClient: z.object({
    clientId: z.string().trim().min(1, 'give the OAuth client id').max(100),
    clientSecret: z.string().min(1, 'give the OAuth client secret').max(200)
  }),
  /** Take over objects that already exist under setup's names instead of stopping with a conflict. */
  adopt: z.boolean().default(false)
})

/** Validated inputs (defaults applied). */
export type SetupInputs = z.infer<typeof setupInputsSchema>

/** Inputs as typed (defaults optional). */
export type SetupInputsDraft = z.input<typeof setupInputsSchema>

/** One problem with one field, for the wizard to show beside it. */
export interface InputProblem {
  readonly path: string
  readonly message: string
}

/** Validates a draft; problems carry dotted paths (`retry.maxAttempts`). */
export function parseSetupInputs(draft: unknown): { ok: true; value: SetupInputs } | { ok: false; problems: InputProblem[] } {
  const parsed = setupInputsSchema.safeParse(draft)
  if (parsed.success) return { ok: true, value: parsed.data }
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(inputs)', message: i.message }))
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
