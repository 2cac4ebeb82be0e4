/**
 * Architect API: flows (list/get/delete), flow jobs with an upload URL served by the demo org itself,
 * publish, and workflow executions.
 */
import type { SimRouter, SimResponse } from '../http/types'
import type { SimOrg } from '../org/org'
import { badRequest } from '../domains/shared/errors'
import { UPLOAD_PATH } from '../domains/architect/flow-jobs'
import { requireDomain } from '../domains/shared/require-domain'

const FLOWS = '/api/v2/flows'

const ok = (body: unknown): SimResponse => ({ status: 200, body })

/** Registers the Architect routes (and the job upload URL, which needs no token like a presigned URL). */
export function registerArchitectRoutes(router: SimRouter, org: SimOrg): void {
  const architect = () => requireDomain(org.architect, 'architect')

  router.add('GET', FLOWS, (req) => ok(architect().flows.list(req.query)), { permission: 'architect:flow:view' })
  router.add('POST', `${FLOWS}/jobs`, () => ok(architect().jobs.register()), {
    permission: 'architect:job:create',
    permissionMode: 'all'
  })
  router.add(
    'GET',
    `${FLOWS}/jobs/:jobId`,
    (req) => {
      const expand = req.query.getAll('expand').flatMap((v) => v.split(','))
      return ok(architect().jobs.get(req.params.jobId!, expand.includes('messages')))
    },
    { permission: 'architect:job:view', permissionMode: 'all' }
  )
  router.add(
    'PUT',
    `${UPLOAD_PATH}/:jobId`,
    (req) => {
      architect().jobs.upload(req.params.jobId!, req.query.get('signature'), req.body)
      return { status: 200 }
    },
    { auth: 'none' }
  )
  router.add(
    'POST',
    `${FLOWS}/actions/publish`,
    (req) => {
      const flowId = req.query.get('flow')
      if (!flowId) throw badRequest("The query parameter 'flow' is required.")
      return ok(architect().flows.publish(flowId, req.query.get('version') ?? undefined))
    },
    { permission: ['architect:flow:unlock', 'architect:flow:publish'] }
  )
  router.add('POST', `${FLOWS}/executions`, (req) => ok(architect().executions.launch(req.body)), {
    permission: 'architect:flow:launch'
  })
  router.add(
    'GET',
    `${FLOWS}/executions/:flowExecutionId`,
    (req) => ok(architect().executions.get(req.params.flowExecutionId!)),
    { permission: 'architect:flowExecution:view' }
  )
  router.add('GET', `${FLOWS}/:flowId`, (req) => ok(architect().flows.get(req.params.flowId!)), {
    permission: 'architect:flow:view'
  })
  router.add(
    'DELETE',
    `${FLOWS}/:flowId`,
    (req) => {
      architect().flows.delete(req.params.flowId!)
      return { status: 204 }
    },
    { permission: 'architect:flow:delete' }
  )
}
