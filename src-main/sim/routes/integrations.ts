/**
 * Integrations API: integrations of type `purecloud-data-actions` (+ config), credentials, integration types,
 * and data actions (create, drafts, publish, test, execute).
 */
import type { SimRouter, SimResponse } from '../http/types'
import type { SimOrg } from '../org/org'
import { queryBool } from '../domains/shared/body'
import { notFound } from '../domains/shared/errors'
import { pageOf } from '../domains/shared/listing'
import { credentialTypes, integrationType, integrationTypes } from '../domains/integrations/integration-catalog'
import { requireDomain } from '../domains/shared/require-domain'

const BASE = '/api/v2/integrations'
const ACTIONS = `${BASE}/actions`

const ok = (body: unknown): SimResponse => ({ status: 200, body })
const none: SimResponse = { status: 204 }
const view = { permission: 'integrations:integration:view' }
const actionView = { permission: ['integrations:action:view', 'bridge:actions:view'] }
const actionExecute = { permission: ['integrations:action:execute', 'bridge:actions:execute'] }

/** Registers the integrations and data-action routes. */
export function registerIntegrationsRoutes(router: SimRouter, org: SimOrg): void {
  const domain = () => requireDomain(org.integrations, 'integrations')
  const store = () => domain().integrations
  const actions = () => domain().actions

  router.add('GET', `${BASE}/types`, (req) => ok(pageOf(integrationTypes(), `${BASE}/types`, req.query)), view)
  router.add(
    'GET',
    `${BASE}/types/:typeId`,
    (req) => {
      const type = integrationType(req.params.typeId!)
      if (!type) throw notFound('Integration type', req.params.typeId!)
      return ok(type)
    },
    view
  )
  router.add('GET', `${BASE}/credentials/types`, () => ok(credentialTypes()), view)
  router.add('GET', `${BASE}/credentials`, (req) => ok(store().listCredentials(req.query)), view)
  router.add('POST', `${BASE}/credentials`, (req) => ok(store().createCredential(req.body)), {
    permission: 'integrations:integration:add'
  })
  router.add('GET', `${BASE}/credentials/:credentialId`, (req) => ok(store().getCredential(req.params.credentialId!)), view)
  router.add(
    'PUT',
    `${BASE}/credentials/:credentialId`,
    (req) => ok(store().updateCredential(req.params.credentialId!, req.body)),
    { permission: 'integrations:integration:edit' }
  )
  router.add(
    'DELETE',
    `${BASE}/credentials/:credentialId`,
    (req) => {
      store().deleteCredential(req.params.credentialId!)
      return none
    },
    { permission: 'integrations:integration:delete' }
  )

  router.add('GET', BASE, (req) => ok(store().list(req.query)), view)
  router.add('POST', BASE, (req) => ok(store().create(req.body)), { permission: 'integrations:integration:add' })
  router.add('GET', `${BASE}/:integrationId`, (req) => ok(store().get(req.params.integrationId!)), view)
  router.add('PATCH', `${BASE}/:integrationId`, (req) => ok(store().patch(req.params.integrationId!, req.body)), {
    permission: 'integrations:integration:edit'
  })
  router.add('DELETE', `${BASE}/:integrationId`, (req) => ok(store().delete(req.params.integrationId!)), {
    permission: 'integrations:integration:delete'
  })
  router.add('GET', `${BASE}/:integrationId/config/current`, (req) => ok(store().getConfig(req.params.integrationId!)), view)
  router.add(
    'PUT',
    `${BASE}/:integrationId/config/current`,
    (req) => ok(store().putConfig(req.params.integrationId!, req.body)),
    { permission: 'integrations:integration:edit' }
  )

  router.add('GET', ACTIONS, (req) => ok(actions().list(req.query, 'published')), actionView)
  router.add('POST', ACTIONS, (req) => ok(actions().create(req.body, false)), { permission: 'integrations:action:add' })
  router.add('GET', `${ACTIONS}/drafts`, (req) => ok(actions().list(req.query, 'draft')), actionView)
  router.add('POST', `${ACTIONS}/drafts`, (req) => ok(actions().create(req.body, true)), {
    permission: 'integrations:action:add'
  })
  router.add('GET', `${ACTIONS}/categories`, (req) => ok(actions().categories(req.query)), actionView)
  router.add(
    'GET',
    `${ACTIONS}/:actionId`,
    (req) => ok(actions().get(req.params.actionId!, 'published', queryBool(req.query, 'includeConfig', false))),
    actionView
  )
  router.add('PATCH', `${ACTIONS}/:actionId`, (req) => ok(actions().update(req.params.actionId!, req.body, 'published')), {
    permission: 'integrations:action:edit'
  })
  router.add(
    'DELETE',
    `${ACTIONS}/:actionId`,
    (req) => {
      actions().delete(req.params.actionId!)
      return none
    },
    { permission: 'integrations:action:delete' }
  )
  router.add(
    'GET',
    `${ACTIONS}/:actionId/draft`,
    (req) => ok(actions().get(req.params.actionId!, 'draft', queryBool(req.query, 'includeConfig', false))),
    actionView
  )
  router.add('POST', `${ACTIONS}/:actionId/draft`, (req) => ok(actions().createDraft(req.params.actionId!)), {
    permission: 'integrations:action:add'
  })
  router.add('PATCH', `${ACTIONS}/:actionId/draft`, (req) => ok(actions().update(req.params.actionId!, req.body, 'draft')), {
    permission: 'integrations:action:edit'
  })
  router.add(
    'DELETE',
    `${ACTIONS}/:actionId/draft`,
    (req) => {
      actions().deleteDraft(req.params.actionId!)
      return none
    },
    { permission: 'integrations:action:delete' }
  )
  router.add('POST', `${ACTIONS}/:actionId/draft/publish`, (req) => ok(actions().publishDraft(req.params.actionId!, req.body)), {
    permission: 'integrations:action:edit'
  })
  router.add(
    'POST',
    `${ACTIONS}/:actionId/draft/test`,
    async (req) => ok(await domain().test(req.params.actionId!, 'draft', req.body ?? {})),
    { permission: 'integrations:action:execute' }
  )
  router.add(
    'POST',
    `${ACTIONS}/:actionId/test`,
    async (req) => ok(await domain().test(req.params.actionId!, 'published', req.body ?? {})),
    actionExecute
  )
  router.add(
    'POST',
    `${ACTIONS}/:actionId/execute`,
    async (req) => ok(await domain().execute(req.params.actionId!, req.body ?? {}, queryBool(req.query, 'flatten', false))),
    actionExecute
  )
}
