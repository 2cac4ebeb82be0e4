/**
 * `GET /api/v2/authorization/subjects/me` (AuthorizationApi / UsersApi `getAuthorizationSubjectsMe`, requires no
 * permission): the caller's role grants with their permission policies, so a client can learn what it may do
 * without probing write endpoints. Derived from the token's permissions: the admin clients hold one
 * "Master Admin" grant whose policy is `*` / `*` / `[*]`, the read-only client a "Read Only" grant with
 * `view` actions only; a user token (PKCE) is the user's subject, a client-credentials token the client's.
 */
import { createHash } from 'node:crypto'
import type { CoreContext } from '../core-context'
import type { SimRequest, SimRouter } from '../http/types'

/** One `AuthzGrantPolicy`. */
interface Policy {
  domain: string
  entityName: string
  actions: string[]
}

/** Groups `domain:entity:action` permissions (or a bare `*`) into Genesys policies, one per domain + entity. */
export function policiesOf(permissions: Iterable<string>): Policy[] {
  const byKey = new Map<string, Policy>()
  for (const p of permissions) {
    const [domain, entityName, action] = p === '*' ? ['*', '*', '*'] : p.split(':')
    if (!domain || !entityName || !action) continue
    const key = `${domain}:${entityName}`
    const policy = byKey.get(key) ?? { domain, entityName, actions: [] }
    if (!policy.actions.includes(action)) policy.actions.push(action)
    byKey.set(key, policy)
  }
  return [...byKey.values()].sort((a, b) => `${a.domain}:${a.entityName}`.localeCompare(`${b.domain}:${b.entityName}`))
}

/** The role a permission set amounts to (names as Genesys' default roles). */
function roleNameOf(policies: readonly Policy[]): string {
  if (policies.some((p) => p.domain === '*' && p.entityName === '*' && p.actions.includes('*'))) return 'Master Admin'
  if (policies.every((p) => p.actions.every((a) => a === 'view'))) return 'Read Only'
  return 'Custom role'
}

/** A stable uuid-shaped id for a name (role ids must not change between calls). */
function stableId(name: string): string {
  const h = createHash('sha256').update(`demo-role:${name}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

function subjectMe(ctx: CoreContext, req: SimRequest): Record<string, unknown> {
  const principal = req.principal!
  const rec = ctx.tokens.record(principal.token)
  const user = principal.userId ? ctx.org.routing.users.get(principal.userId) : undefined
  const subjectId = user?.id ?? principal.clientId
  const policies = policiesOf(principal.permissions)
  const roleName = roleNameOf(policies)
  const roleId = stableId(roleName)
  const home = ctx.org.routing.homeDivision
  return {
    id: subjectId,
    name: user?.name ?? rec?.clientName ?? principal.clientId,
    grants: [
      {
        subjectId,
        division: {
          id: home.id,
          name: home.name,
          description: '',
          homeDivision: true,
          selfUri: `/api/v2/authorization/divisions/${home.id}`
        },
        role: {
          id: roleId,
          name: roleName,
          policies,
          default: roleName !== 'Custom role',
          selfUri: `/api/v2/authorization/roles/${roleId}`
        }
      }
    ],
    version: 1,
    selfUri: `/api/v2/authorization/subjects/${subjectId}`
  }
}

/** Registers the authorization routes. */
export function registerAuthorizationRoutes(router: SimRouter, ctx: CoreContext): void {
  router.add('GET', '/api/v2/authorization/subjects/me', (req) => ({ status: 200, body: subjectMe(ctx, req) }))
}
