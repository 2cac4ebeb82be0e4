/**
 * Everything worth knowing before the first write: who the token is, which of the permissions this plan needs
 * it lacks (by name), org limits, the telephony and wrap-up code the inputs name, and objects under setup's
 * names that setup did not create (adopt them, or stop with a plain conflict). Reads only.
 */
import type platformClient from 'purecloud-platform-client-v2'
import type { SetupPlan } from '../../core/setup/planner'
import type { SetupInputs } from '../../core/setup/setup-inputs'
import {
  groupNeeds,
  permissionsFromPolicies,
  READ_NEEDS,
  unmetNeeds,
  VERIFY_NEEDS,
  WRITE_NEEDS,
  type PermissionNeed
} from '../../core/setup/setup-permissions'
import { probeWritePermissions } from './permission-probe'
import type { ProvisioningApi } from './provisioning-api'
import type { LimitCheck, PermissionReport, PreflightReport } from './provisioning-types'

/** The permissions the token holds, from whichever source this org / grant answers. */
export async function heldPermissions(api: ProvisioningApi): Promise<{ source: PermissionReport['source']; held: string[] }> {
  const subject = await api.call('GET /api/v2/authorization/subjects/me', (a) => a.users.getAuthorizationSubjectsMe())
  if (subject.ok && subject.value.grants) {
    const policies = subject.value.grants.flatMap((g) => g.role?.policies ?? [])
    return { source: 'subject', held: permissionsFromPolicies(policies) }
  }
  const me = await api.call('GET /api/v2/users/me', (a) => a.users.getUsersMe({ expand: ['authorization'] }))
  if (me.ok && me.value.authorization?.permissions) return { source: 'user', held: [...me.value.authorization.permissions] }
  return { source: 'unknown', held: [] }
}

/** The needs of a plan: reads always, writes for kinds that change, test-execution for verify. */
export function needsOf(plan: SetupPlan): PermissionNeed[] {
  const kinds = new Set(plan.steps.filter((s) => s.action === 'create' || s.action === 'update').map((s) => s.kind))
  return [...READ_NEEDS, ...[...kinds].flatMap((k) => WRITE_NEEDS[k]), ...VERIFY_NEEDS]
}

/** Runs the checks. `plan` is null when the org could not be read (the problems then say why). */
export async function runPreflight(
  api: ProvisioningApi,
  inputs: SetupInputs,
  plan: SetupPlan | null,
  readProblem?: string
): Promise<PreflightReport> {
  const problems: string[] = readProblem ? [readProblem] : []
  const warnings: string[] = []
  const token = await api.call('GET /api/v2/tokens/me', (a) => a.tokens.getTokensMe())
  const principal = token.ok ? (token.value.OAuthClient?.name ?? null) : null
  const orgName = token.ok ? (token.value.organization?.name ?? null) : null

  const held = await heldPermissions(api)
  let source: PermissionReport['source'] = held.source
  let missing: PermissionNeed[] = []
  if (plan && held.source !== 'unknown') missing = unmetNeeds(held.held, needsOf(plan))
  else if (plan) {
    source = 'probe'
    missing = await probeWritePermissions(api, plan)
    if (plan.steps.some((s) => s.kind === 'flow' && s.action !== 'keep')) {
      warnings.push(
        'Importing flows (architect:job:create) cannot be checked without starting an import; apply stops there if it is missing.'
      )
    }
  } else
    warnings.push(
      'Genesys Cloud did not say which permissions this sign-in has; a missing one will stop apply at the step that needs it.'
    )
  missing = groupNeeds(missing)
  if (missing.length > 0) {
    problems.push(
      `This sign-in lacks ${missing.length} permission${missing.length === 1 ? '' : 's'}: ${missing.map((m) => `${m.anyOf.join(' or ')} (${m.why})`).join('; ')}.`
    )
  }

  const limits = plan?.steps.some((s) => s.key === 'campaign' && s.action === 'create') ? await campaignLimit(api) : []
  for (const l of limits)
    if (!l.ok)
      problems.push(`The org already has ${l.used} of at most ${l.max} ${l.name}; delete one before setting up callbacks.`)

  problems.push(...(await telephonyProblems(api, inputs)))
  if (inputs.wrapupCodeName) {
    const codes = await api.call('GET /api/v2/routing/wrapupcodes', (a) =>
      a.routing.getRoutingWrapupcodes({ name: inputs.wrapupCodeName, pageSize: 100 })
    )
    if (codes.ok && !(codes.value.entities ?? []).some((c) => c.name === inputs.wrapupCodeName))
      problems.push(`There is no wrap-up code named "${inputs.wrapupCodeName}".`)
  }

  const conflicts = plan?.steps.filter((s) => s.action === 'conflict') ?? []
  for (const c of conflicts) problems.push(`${c.changes[0] ?? c.name}; rename the prefix or choose to adopt it.`)
  const adopted = plan?.steps.filter((s) => s.adopted) ?? []
  if (adopted.length > 0)
    warnings.push(`Setup will take over ${adopted.map((s) => `"${s.name}"`).join(', ')}; teardown will then remove them too.`)
  return {
    ok: problems.length === 0,
    principal,
    orgName,
    permissions: { source, missing },
    limits,
    conflicts,
    problems,
    warnings,
    plan
  }
}

async function campaignLimit(api: ProvisioningApi): Promise<LimitCheck[]> {
  const limits = await api.call('GET /api/v2/organizations/limits/namespaces/{namespaceName}', (a) =>
    a.organization.getOrganizationsLimitsNamespace('outbound')
  )
  if (!limits.ok) return []
  const entry = (limits.value.entities ?? []).find((l) => /campaign/i.test(l.key ?? '') && /max/i.test(l.key ?? ''))
  if (!entry || typeof entry.value !== 'number') return []
  const campaigns = await api.call('GET /api/v2/outbound/campaigns', (a) => a.outbound.getOutboundCampaigns({ pageSize: 1 }))
  const used = campaigns.ok ? ((campaigns.value as platformClient.Models.CampaignEntityListing).total ?? 0) : 0
  return [{ name: 'campaigns', used, max: entry.value, ok: used < entry.value }]
}

async function telephonyProblems(api: ProvisioningApi, inputs: SetupInputs): Promise<string[]> {
  const t = inputs.telephony
  const result =
    t.kind === 'site'
      ? await api.call('GET /api/v2/telephony/providers/edges/sites/{siteId}', (a) =>
          a.telephony.getTelephonyProvidersEdgesSite(t.id)
        )
      : await api.call('GET /api/v2/telephony/providers/edges/edgegroups/{edgeGroupId}', (a) =>
          a.telephony.getTelephonyProvidersEdgesEdgegroup(t.id)
        )
  if (result.ok) return []
  const what = t.kind === 'site' ? 'site' : 'edge group'
  if (result.error.status === 404) return [`The ${what} ${t.id} does not exist; pick one of the org's.`]
  if (result.error.missingPermissions?.length)
    return [`This sign-in cannot read the ${what} (it lacks ${result.error.missingPermissions.join(', ')}).`]
  return [`Could not check the ${what}: ${result.error.message}`]
}
