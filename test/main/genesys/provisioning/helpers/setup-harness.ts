/**
 * Harness for the provisioning tests: an `--empty` demo org (fast flow jobs), a real session signed in with
 * client credentials, valid setup inputs for that org, an org snapshot through the API (to prove teardown
 * leaves the org as it was) and a gateway wrapper that fails the Nth write.
 */
import { parseSetupInputs, type SetupInputs } from '../../../../../src-main/core/setup/setup-inputs'
import type { ApiResult, CallOptions, Gateway, PlatformApis } from '../../../../../src-main/genesys/gateway-types'
import { createProvisioner, type Provisioner } from '../../../../../src-main/genesys/provisioning/provisioner'
import { GenesysSession } from '../../../../../src-main/genesys/session/session'
import { MemorySecretStorage } from '../../../../../src-main/host/secret-storage'
import { startDemoOrg, type DemoOrg } from '../../../../../src-main/sim/server'

export const ADMIN = 'callback-console-demo'
export const VIEWER = 'callback-console-viewer'

/** An empty demo org at 20× speed (flow jobs finish in ~50 ms) with a generous rate limit. */
export function startEmptyOrg(): Promise<DemoOrg> {
  return startDemoOrg({ empty: true, speed: 20, log: () => undefined, rateLimitPerMinute: 100_000 })
}

/** A signed-in session's gateway; dispose the session when done. */
export async function signIn(demo: DemoOrg, clientId = ADMIN): Promise<{ gateway: Gateway; session: GenesysSession }> {
  const session = new GenesysSession({ secrets: new MemorySecretStorage('tests'), openExternal: async () => undefined })
  const result = await session.signInWithClientCredentials(
    { kind: 'demo', baseUrl: demo.baseUrl },
    clientId,
    'demo-secret',
    false
  )
  if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`)
  return { gateway: session.gateway, session }
}

/** A provisioner with fast polling (the demo org runs 20× faster than real time). */
export function fastProvisioner(gateway: Gateway): Provisioner {
  return createProvisioner({ gateway, timing: { firstPollMs: 25, intervalMs: 25, timeoutMs: 20_000 } })
}

/** Setup inputs for the demo org (its target queue and site), with overrides. */
export async function inputsFor(demo: DemoOrg, gateway: Gateway, overrides: Record<string, unknown> = {}): Promise<SetupInputs> {
  const sites = await gateway.call('GET /api/v2/telephony/providers/edges/sites', (a) =>
    a.telephony.getTelephonyProvidersEdgesSites({ pageSize: 25 })
  )
  if (!sites.ok) throw new Error(sites.error.message)
  const parsed = parseSetupInputs({
    targetQueueId: demo.seed.targetQueueId,
    callerIdName: 'Acme "Care"',
    callerIdNumber: '+13175550100',
    telephony: { kind: 'site', id: sites.value.entities![0]!.id },
    dataActionsClient: { clientId: ADMIN, clientSecret: 'demo-secret' },
    ...overrides
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

/** Names and key settings of everything setup could touch, read through the API. */
export async function snapshot(gateway: Gateway, targetQueueId: string): Promise<Record<string, unknown>> {
  const get = async <T>(endpoint: string, run: (a: PlatformApis) => Promise<T>): Promise<T> => {
    const r = await gateway.call(endpoint, run)
    if (!r.ok) throw new Error(`${endpoint}: ${r.error.message}`)
    return r.value
  }
  const names = (entities: Array<{ name?: string }> | undefined): string[] => (entities ?? []).map((e) => e.name ?? '').sort()
  const target = await get('GET /api/v2/routing/queues/{queueId}', (a) => a.routing.getRoutingQueue(targetQueueId))
  return {
    queues: names((await get('GET /api/v2/routing/queues', (a) => a.routing.getRoutingQueues({ pageSize: 100 }))).entities),
    wrapupCodes: names(
      (await get('GET /api/v2/routing/wrapupcodes', (a) => a.routing.getRoutingWrapupcodes({ pageSize: 100 }))).entities
    ),
    integrations: names(
      (await get('GET /api/v2/integrations', (a) => a.integrations.getIntegrations({ pageSize: 100 }))).entities
    ),
    credentials: names(
      (await get('GET /api/v2/integrations/credentials', (a) => a.integrations.getIntegrationsCredentials({ pageSize: 100 })))
        .entities
    ),
    actions: names(
      (await get('GET /api/v2/integrations/actions', (a) => a.integrations.getIntegrationsActions({ pageSize: 100 }))).entities
    ),
    contactLists: names(
      (await get('GET /api/v2/outbound/contactlists', (a) => a.outbound.getOutboundContactlists({ pageSize: 100 }))).entities
    ),
    responseSets: names(
      (
        await get('GET /api/v2/outbound/callanalysisresponsesets', (a) =>
          a.outbound.getOutboundCallanalysisresponsesets({ pageSize: 100 })
        )
      ).entities
    ),
    campaigns: names(
      (await get('GET /api/v2/outbound/campaigns', (a) => a.outbound.getOutboundCampaigns({ pageSize: 100 }))).entities
    ),
    flows: names((await get('GET /api/v2/flows', (a) => a.architect.getFlows({ pageSize: 100 }))).entities),
    targetQueueFlow: target.queueFlow?.id ?? null
  }
}

/** Wraps a gateway so that write number `n` (1-based, POST/PUT/PATCH/DELETE) fails with a 503, once. */
export function failingNthWrite(inner: Gateway, n: number): Gateway {
  let writes = 0
  return {
    call<T>(endpoint: string, run: (a: PlatformApis) => Promise<T>, options?: CallOptions): Promise<ApiResult<T>> {
      if (/^(POST|PUT|PATCH|DELETE)\b/.test(endpoint) && ++writes === n) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'server',
            status: 503,
            message: `Genesys Cloud had a problem (${endpoint}, HTTP 503). Try again shortly.`
          }
        })
      }
      return inner.call(endpoint, run, options)
    },
    callCounts: () => inner.callCounts()
  }
}
