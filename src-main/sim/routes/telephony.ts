/** Telephony providers: sites and edge groups, read-only (an agentless campaign needs one of them). */
import type { SimRouter } from '../http/types'
import type { SimOrg } from '../org/org'
import { requireDomain } from '../domains/shared/require-domain'

const EDGES = '/api/v2/telephony/providers/edges'

/** Registers the site and edge-group routes (Genesys requires ALL `telephony:plugin:all`). */
export function registerTelephonyRoutes(router: SimRouter, org: SimOrg): void {
  const telephony = () => requireDomain(org.telephony, 'telephony')
  const options = { permission: 'telephony:plugin:all', permissionMode: 'all' } as const
  router.add('GET', `${EDGES}/sites`, (req) => ({ status: 200, body: telephony().listSites(req.query) }), options)
  router.add('GET', `${EDGES}/sites/:siteId`, (req) => ({ status: 200, body: telephony().getSite(req.params.siteId!) }), options)
  router.add('GET', `${EDGES}/edgegroups`, (req) => ({ status: 200, body: telephony().listEdgeGroups(req.query) }), options)
  router.add(
    'GET',
    `${EDGES}/edgegroups/:edgeGroupId`,
    (req) => ({ status: 200, body: telephony().getEdgeGroup(req.params.edgeGroupId!) }),
    options
  )
}
