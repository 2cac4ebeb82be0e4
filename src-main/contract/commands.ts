import { z } from 'zod'
import type {
  ActionOutcomeView,
  AuditRecord,
  BoardSnapshotView,
  DeploymentProfileView,
  ProfileCandidatesView,
  RegionView,
  SessionView,
  TimelineEntryView
} from './live-views'
import { setupInputsSchema } from '../core/setup/setup-inputs'
import type { CommandName } from './names'
import { historyCommandInputSchemas, type HistoryCommandOutputs } from './history-views'
import { settingsCommandInputSchemas, type SettingsCommandOutputs } from './settings-views'
import type {
  ApplyResult,
  InputProblem,
  PlanOutcome,
  PreflightReport,
  SetupChoices,
  TeardownPlan,
  TeardownResult,
  VerifyResult
} from './setup-views'
import type { DiagnosticsView } from './views'

/** Genesys ids are UUIDs; anything else from the renderer is refused before it reaches a service. */
const entityId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a valid id')
const callbackIds = z.array(entityId).min(1, 'choose at least one callback').max(500, 'at most 500 callbacks at once')

export const deploymentProfileSchema = z.object({
  holdingQueueId: entityId,
  targetQueueIds: z.array(entityId).min(1).max(10),
  campaignId: entityId,
  contactListId: entityId
})

export const signInSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('pkce'), regionId: z.string().min(1).max(40), clientId: z.string().trim().min(1).max(100) }),
  z.object({
    method: z.literal('client-credentials'),
    regionId: z.string().min(1).max(40),
    clientId: z.string().trim().min(1).max(100),
    clientSecret: z.string().min(1).max(200),
    remember: z.boolean()
  })
])

const teardownScopeSchema = z.object({
  namePrefix: z.string().trim().min(1).max(40),
  targetQueueId: entityId.optional(),
  force: z.boolean().optional()
})

/**
 * Runtime schemas for every command's input: everything that crosses from the renderer is validated here
 * before a handler sees it. Commands without input take `undefined`.
 */
export const commandInputSchemas = {
  'app:diagnostics': z.undefined(),
  'app:support-summary': z.undefined(),
  'session:get': z.undefined(),
  'session:regions': z.undefined(),
  'session:connect-demo': z.undefined(),
  'session:sign-in': signInSchema,
  'session:sign-out': z.undefined(),
  /** Gives up a browser sign-in still waiting for the redirect (the user closed the tab, or chose otherwise). */
  'session:cancel-sign-in': z.undefined(),
  'profile:candidates': z.undefined(),
  'profile:get': z.undefined(),
  'profile:save': deploymentProfileSchema,
  'board:snapshot': z.undefined(),
  'callbacks:cancel': z.object({
    ids: callbackIds,
    reason: z.string().trim().min(1, 'a reason is required').max(100),
    note: z.string().trim().max(500).optional()
  }),
  'callbacks:reschedule': z.union([
    z.object({ ids: callbackIds, dueAt: z.iso.datetime({ offset: true }) }),
    z.object({
      ids: callbackIds,
      shiftMinutes: z
        .number()
        .int()
        .min(-1440)
        .max(10080)
        .refine((n) => n !== 0, 'shift by at least one minute')
    })
  ]),
  'callbacks:call-now': z.object({ ids: callbackIds }),
  'callbacks:reveal-number': z.object({ id: entityId }),
  'callbacks:timeline': z.object({ id: entityId }),
  'audit:list': z.object({ day: z.iso.date().optional() }),
  'setup:choices': z.undefined(),
  /** The form as typed; main answers with every problem so the wizard can show them beside the fields. */
  'setup:validate': z.record(z.string(), z.unknown()),
  'setup:preflight': setupInputsSchema,
  'setup:plan': setupInputsSchema,
  'setup:apply': setupInputsSchema,
  'setup:verify': setupInputsSchema,
  'setup:teardown-plan': teardownScopeSchema,
  'setup:teardown': teardownScopeSchema.extend({ confirmed: z.literal(true, 'confirm the teardown first') }),
  ...historyCommandInputSchemas,
  ...settingsCommandInputSchemas
} as const satisfies { readonly [K in CommandName]: z.ZodType }

/** What each command resolves to on success. */
export interface CommandOutputs extends HistoryCommandOutputs, SettingsCommandOutputs {
  'app:diagnostics': DiagnosticsView
  'app:support-summary': string
  'session:get': SessionView
  'session:regions': readonly RegionView[]
  'session:connect-demo': SessionView
  'session:sign-in': SessionView
  'session:sign-out': SessionView
  'session:cancel-sign-in': SessionView
  'profile:candidates': ProfileCandidatesView
  'profile:get': DeploymentProfileView | null
  'profile:save': DeploymentProfileView
  'board:snapshot': BoardSnapshotView
  'callbacks:cancel': readonly ActionOutcomeView[]
  'callbacks:reschedule': readonly ActionOutcomeView[]
  'callbacks:call-now': readonly ActionOutcomeView[]
  'callbacks:reveal-number': string
  'callbacks:timeline': readonly TimelineEntryView[]
  'audit:list': readonly AuditRecord[]
  'setup:choices': SetupChoices
  'setup:validate': readonly InputProblem[]
  'setup:preflight': PreflightReport
  'setup:plan': PlanOutcome
  'setup:apply': ApplyResult
  'setup:verify': VerifyResult
  'setup:teardown-plan': TeardownPlan
  'setup:teardown': TeardownResult
}

export type CommandInput<K extends CommandName> = z.input<(typeof commandInputSchemas)[K]>
export type CommandParsedInput<K extends CommandName> = z.output<(typeof commandInputSchemas)[K]>
export type CommandOutput<K extends CommandName> = CommandOutputs[K]
