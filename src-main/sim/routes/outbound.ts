/**
 * Outbound API: contact lists and contacts, call analysis response sets, callable time sets, campaigns (status,
 * progress, stats, diagnostics). Every write names its permission (genesys-api.md Appendix A) so the read-only client gets a 403.
 */
import type { SimRouter, SimResponse } from '../http/types'
import type { SimOrg } from '../org/org'
import { queryBool } from '../domains/shared/body'
import { badRequest } from '../domains/shared/errors'
import { progressJson, statsJson } from '../domains/outbound/campaign-metrics'
import { requireDomain } from '../domains/shared/require-domain'

const LISTS = '/api/v2/outbound/contactlists'
const SETS = '/api/v2/outbound/callanalysisresponsesets'
const TIME_SETS = '/api/v2/outbound/callabletimesets'
const CAMPAIGNS = '/api/v2/outbound/campaigns'

const ok = (body: unknown): SimResponse => ({ status: 200, body })
const none: SimResponse = { status: 204 }

/** The five endpoints of a named outbound object (contact list, response set, callable time set). */
interface CrudStore {
  list(query: URLSearchParams): unknown
  create(body: unknown): unknown
  get(id: string): unknown
  update(id: string, body: unknown): unknown
  delete(id: string): unknown
}

/** List and create on `base`, get / update / delete on `base/:param`, each with its `<permission>:view|add|edit|delete`. */
function registerCrud(router: SimRouter, base: string, param: string, permission: string, store: () => CrudStore): void {
  const one = `${base}/:${param}`
  router.add('GET', base, (req) => ok(store().list(req.query)), { permission: `${permission}:view` })
  router.add('POST', base, (req) => ok(store().create(req.body)), { permission: `${permission}:add` })
  router.add('GET', one, (req) => ok(store().get(req.params[param]!)), { permission: `${permission}:view` })
  router.add('PUT', one, (req) => ok(store().update(req.params[param]!, req.body)), { permission: `${permission}:edit` })
  router.add(
    'DELETE',
    one,
    (req) => {
      store().delete(req.params[param]!)
      return none
    },
    { permission: `${permission}:delete` }
  )
}

/** Registers the outbound routes on the demo org's router. */
export function registerOutboundRoutes(router: SimRouter, org: SimOrg): void {
  const outbound = () => requireDomain(org.outbound, 'outbound')
  const lists = () => outbound().contactLists
  const sets = () => outbound().responseSets
  const timeSets = () => outbound().callableTimeSets
  const campaigns = () => outbound().campaigns

  registerCrud(router, LISTS, 'contactListId', 'outbound:contactList', lists)
  router.add(
    'DELETE',
    LISTS,
    (req) => {
      const ids = req.query
        .getAll('id')
        .flatMap((v) => v.split(','))
        .filter(Boolean)
      if (ids.length === 0) throw badRequest("The query parameter 'id' is required.")
      for (const id of ids) lists().record(id)
      for (const id of ids) lists().delete(id)
      return none
    },
    { permission: 'outbound:contactList:delete' }
  )
  router.add(
    'POST',
    `${LISTS}/:contactListId/contacts`,
    (req) => {
      const options = {
        priority: queryBool(req.query, 'priority', false),
        clearSystemData: queryBool(req.query, 'clearSystemData', false),
        doNotQueue: queryBool(req.query, 'doNotQueue', false)
      }
      return ok(lists().addContacts(req.params.contactListId!, req.body, options))
    },
    { permission: 'outbound:contact:add' }
  )
  router.add(
    'DELETE',
    `${LISTS}/:contactListId/contacts`,
    (req) => {
      const ids = req.query
        .getAll('contactIds')
        .flatMap((v) => v.split(','))
        .filter(Boolean)
      if (ids.length === 0) throw badRequest("The query parameter 'contactIds' is required.")
      lists().deleteContacts(req.params.contactListId!, ids)
      return none
    },
    { permission: 'outbound:contact:delete' }
  )
  router.add(
    'POST',
    `${LISTS}/:contactListId/contacts/bulk`,
    (req) => {
      if (!Array.isArray(req.body) || !req.body.every((id) => typeof id === 'string'))
        throw badRequest('The body must be a list of contact ids.')
      const listId = req.params.contactListId!
      lists().record(listId)
      return ok((req.body as string[]).filter((id) => lists().contact(listId, id)).map((id) => lists().getContact(listId, id)))
    },
    { permission: 'outbound:contact:view' }
  )
  router.add(
    'GET',
    `${LISTS}/:contactListId/contacts/:contactId`,
    (req) => ok(lists().getContact(req.params.contactListId!, req.params.contactId!)),
    { permission: 'outbound:contact:view' }
  )
  router.add(
    'PUT',
    `${LISTS}/:contactListId/contacts/:contactId`,
    (req) => ok(lists().updateContact(req.params.contactListId!, req.params.contactId!, req.body)),
    { permission: 'outbound:contact:edit' }
  )
  router.add(
    'DELETE',
    `${LISTS}/:contactListId/contacts/:contactId`,
    (req) => {
      lists().deleteContact(req.params.contactListId!, req.params.contactId!)
      return none
    },
    { permission: 'outbound:contact:delete' }
  )
  router.add(
    'POST',
    `${LISTS}/:contactListId/clear`,
    (req) => {
      lists().clear(req.params.contactListId!)
      return none
    },
    { permission: 'outbound:contact:delete' }
  )

  registerCrud(router, SETS, 'callAnalysisSetId', 'outbound:responseSet', sets)
  registerCrud(router, TIME_SETS, 'callableTimeSetId', 'outbound:callableTimeSet', timeSets)

  router.add('GET', CAMPAIGNS, (req) => ok(campaigns().list(req.query)), { permission: 'outbound:campaign:view' })
  router.add('POST', CAMPAIGNS, (req) => ok(campaigns().create(req.body)), { permission: 'outbound:campaign:add' })
  router.add(
    'POST',
    `${CAMPAIGNS}/progress`,
    (req) => {
      if (!Array.isArray(req.body) || !req.body.every((id) => typeof id === 'string'))
        throw badRequest('The body must be a list of campaign ids.')
      return ok((req.body as string[]).map((id) => progressJson(campaigns().record(id), lists())))
    },
    { permission: 'outbound:campaign:view' }
  )
  router.add('GET', `${CAMPAIGNS}/:campaignId`, (req) => ok(campaigns().get(req.params.campaignId!)), {
    permission: 'outbound:campaign:view'
  })
  router.add('PUT', `${CAMPAIGNS}/:campaignId`, (req) => ok(campaigns().update(req.params.campaignId!, req.body)), {
    permission: 'outbound:campaign:edit',
    permissionMode: 'all'
  })
  router.add(
    'PATCH',
    `${CAMPAIGNS}/:campaignId`,
    (req) => {
      campaigns().patch(req.params.campaignId!, req.body)
      return none
    },
    { permission: 'outbound:campaign:edit', permissionMode: 'all' }
  )
  router.add(
    'DELETE',
    `${CAMPAIGNS}/:campaignId`,
    (req) => {
      campaigns().delete(req.params.campaignId!)
      return none
    },
    { permission: 'outbound:campaign:delete' }
  )
  router.add(
    'POST',
    `${CAMPAIGNS}/:campaignId/start`,
    (req) => {
      campaigns().start(req.params.campaignId!)
      return none
    },
    { permission: 'outbound:campaign:start' }
  )
  router.add(
    'POST',
    `${CAMPAIGNS}/:campaignId/stop`,
    (req) => {
      campaigns().stop(req.params.campaignId!)
      return none
    },
    { permission: 'outbound:campaign:stop' }
  )
  router.add(
    'GET',
    `${CAMPAIGNS}/:campaignId/progress`,
    (req) => ok(progressJson(campaigns().record(req.params.campaignId!), lists())),
    { permission: 'outbound:campaign:view' }
  )
  router.add(
    'DELETE',
    `${CAMPAIGNS}/:campaignId/progress`,
    (req) => {
      const campaign = campaigns().record(req.params.campaignId!)
      lists().book(campaign.contactListId).recycle()
      if (campaign.campaignStatus === 'on') outbound().dialer.pump(campaign)
      return { status: 202 }
    },
    { permission: ['outbound:campaign:edit', 'outbound:campaign:recycle'] }
  )
  router.add(
    'GET',
    `${CAMPAIGNS}/:campaignId/stats`,
    (req) => {
      const id = req.params.campaignId!
      return ok(statsJson(campaigns().record(id), campaigns().runtime(id)))
    },
    { permission: 'outbound:campaign:view' }
  )
  router.add(
    'GET',
    `${CAMPAIGNS}/:campaignId/diagnostics`,
    (req) => {
      const id = req.params.campaignId!
      const campaign = campaigns().record(id)
      const runtime = campaigns().runtime(id)
      const progress = progressJson(campaign, lists())
      return ok({
        outstandingInteractionsCount: runtime.outstandingCalls,
        scheduledInteractionsCount: 0,
        timeZoneRescheduledCallsCount: 0,
        filteredOutContactsCount: 0,
        idleAgents: 0,
        effectiveIdleAgents: 0,
        linesUtilization: {
          assignedOutboundLines: campaign.outboundLineCount ?? 0,
          totalAvailableOutboundLines: campaign.outboundLineCount ?? 0
        },
        numberOfContactsCalled: progress.numberOfContactsCalled,
        totalNumberOfContacts: progress.totalNumberOfContacts,
        campaignErrors: []
      })
    },
    { permission: 'outbound:campaign:view' }
  )
}
