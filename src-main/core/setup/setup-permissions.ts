/**
 * Which permissions guided setup needs (reference/genesys-api.md Appendix A, per call), and which of them a
 * token lacks. Preflight shows the missing ones by name before anything is written, so a read-only client
 * gets a clear list instead of half a deployment.
 */
import type { ObjectKind } from './setup-model'

/** One need: any one of `anyOf` suffices (Genesys "Requires ANY"); `why` is shown to the lead. */
export interface PermissionNeed {
  readonly anyOf: readonly string[]
  readonly why: string
}

const need = (why: string, ...anyOf: string[]): PermissionNeed => ({ anyOf, why })

/** Reading the org (every run: plan, apply, verify, teardown). */
export const READ_NEEDS: readonly PermissionNeed[] = [
  need('read queues', 'routing:queue:view'),
  need('read wrap-up codes', 'routing:wrapupCode:view'),
  need('read integrations and credentials', 'integrations:integration:view'),
  need('read data actions', 'integrations:action:view', 'bridge:actions:view'),
  need('read contact lists', 'outbound:contactList:view'),
  need('read call analysis response sets', 'outbound:responseSet:view'),
  need('read campaigns', 'outbound:campaign:view'),
  need('read flows', 'architect:flow:view'),
  need('check the site or edge group the campaign dials through', 'telephony:plugin:all')
]

/** What creating / updating each kind takes. */
export const WRITE_NEEDS: Readonly<Record<ObjectKind, readonly PermissionNeed[]>> = {
  wrapupCode: [
    need('create the wrap-up code', 'routing:wrapupCode:add'),
    need('update the wrap-up code', 'routing:wrapupCode:edit')
  ],
  queue: [need('create the holding queue', 'routing:queue:add'), need('update the holding queue', 'routing:queue:edit')],
  credential: [
    need('create the data-actions credential', 'integrations:integration:add'),
    need('update the credential', 'integrations:integration:edit')
  ],
  integration: [
    need('install the data-actions integration', 'integrations:integration:add'),
    need('configure and enable it', 'integrations:integration:edit')
  ],
  action: [
    need('create data actions', 'integrations:action:add'),
    need('publish data-action drafts', 'integrations:action:edit')
  ],
  contactList: [
    need('create the contact list', 'outbound:contactList:add'),
    need('update the contact list', 'outbound:contactList:edit')
  ],
  callableTimeSet: [
    need('create the dialling hours', 'outbound:callableTimeSet:add'),
    need('update the dialling hours', 'outbound:callableTimeSet:edit')
  ],
  flow: [
    need('import flow YAML', 'architect:job:create'),
    need('follow flow import jobs', 'architect:job:view'),
    need('create and update flows', 'architect:flow:add', 'architect:flow:edit'),
    need('publish flows', 'architect:flow:publish', 'architect:flow:unlock')
  ],
  responseSet: [
    need('create the call analysis response set', 'outbound:responseSet:add'),
    need('update it', 'outbound:responseSet:edit')
  ],
  campaign: [
    need('create the campaign', 'outbound:campaign:add'),
    need('turn the campaign on and update it', 'outbound:campaign:edit')
  ],
  targetQueue: [need("set the target queue's in-queue flow", 'routing:queue:edit')]
}

/** Verify test-executes every data action. */
export const VERIFY_NEEDS: readonly PermissionNeed[] = [
  need('test-execute data actions', 'integrations:action:execute', 'bridge:actions:execute')
]

/** Teardown deletes what setup made. */
export const DELETE_NEEDS: Readonly<Record<ObjectKind, readonly PermissionNeed[]>> = {
  wrapupCode: [need('delete the wrap-up code', 'routing:wrapupCode:delete')],
  queue: [need('delete the holding queue', 'routing:queue:delete')],
  credential: [need('delete the credential', 'integrations:integration:delete')],
  integration: [need('delete the integration', 'integrations:integration:delete')],
  action: [need('delete data actions', 'integrations:action:delete')],
  contactList: [need('delete the contact list', 'outbound:contactList:delete')],
  callableTimeSet: [need('delete the dialling hours', 'outbound:callableTimeSet:delete')],
  flow: [need('delete flows', 'architect:flow:delete')],
  responseSet: [need('delete the response set', 'outbound:responseSet:delete')],
  campaign: [need('turn the campaign off', 'outbound:campaign:edit'), need('delete the campaign', 'outbound:campaign:delete')],
  targetQueue: [need("restore the target queue's in-queue flow", 'routing:queue:edit')]
}

/** True when `held` (Genesys permission, `*` wildcards per segment or whole) grants `required`. */
export function grants(held: string, required: string): boolean {
  if (held === '*' || held === required) return true
  const h = held.split(':')
  const r = required.split(':')
  return h.length === r.length && h.every((seg, i) => seg === '*' || seg === r[i])
}

/** The needs a set of held permissions does not meet, de-duplicated, in input order. */
export function unmetNeeds(held: readonly string[], needs: readonly PermissionNeed[]): PermissionNeed[] {
  const seen = new Set<string>()
  const out: PermissionNeed[] = []
  for (const n of needs) {
    const id = n.anyOf.join('|')
    if (seen.has(id)) continue
    seen.add(id)
    if (!n.anyOf.some((req) => held.some((h) => grants(h, req)))) out.push(n)
  }
  return out
}

/** Permission strings from an authorization subject's role policies (`domain:entityName:action`). */
export function permissionsFromPolicies(
  policies: readonly { domain?: string; entityName?: string; actions?: readonly string[] }[]
): string[] {
  const out = new Set<string>()
  for (const p of policies) for (const a of p.actions ?? []) out.add(`${p.domain ?? '*'}:${p.entityName ?? '*'}:${a}`)
  return [...out]
}

/** Merges needs that ask for the same permissions, so each missing permission is named once with every reason. */
export function groupNeeds(needs: readonly PermissionNeed[]): PermissionNeed[] {
  const byKey = new Map<string, { anyOf: readonly string[]; whys: string[] }>()
  for (const n of needs) {
    const key = n.anyOf.join('|')
    const entry = byKey.get(key) ?? { anyOf: n.anyOf, whys: [] }
    if (!entry.whys.includes(n.why)) entry.whys.push(n.why)
    byKey.set(key, entry)
  }
  return [...byKey.values()].map((e) => ({ anyOf: e.anyOf, why: e.whys.join(', ') }))
}
