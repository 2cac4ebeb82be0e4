/**
 * One SDK `ApiClient` per session, never the SDK's global singleton, pointed at a Genesys Cloud region or at a
 * demo org on loopback. The SDK's habit of reading and watching `~/.genesyscloudjavascript/config` is switched
 * off, so a developer's CLI settings can never redirect the console to another org.
 */
import platformClient from 'purecloud-platform-client-v2'
import type { PlatformApis } from '../gateway-types'
import { sdkRegionHosts } from '../regions'
import { CancellableHttpClient } from './http-client'

/** Where a session signs in: a Genesys Cloud region, or a demo org (`http://127.0.0.1:PORT`). */
export type SessionTarget =
  { readonly kind: 'region'; readonly regionId: string } | { readonly kind: 'demo'; readonly baseUrl: string }

type ApiClient = InstanceType<typeof platformClient.ApiClientClass>

/** What a session holds on to: the isolated client, the APIs bound to it, and where login lives. */
export interface SdkClient {
  readonly client: ApiClient
  readonly apis: PlatformApis
  /** Base of `/oauth/authorize` and `/oauth/token` (e.g. `https://login.mypurecloud.ie`). */
  readonly loginBaseUrl: string
  /** Environment host or `demo`, used to name stored secrets per org. */
  readonly targetKey: string
}

/** Stops the SDK configuration from reading or watching the user's config file. */
function isolateConfig(client: ApiClient): void {
  const config = client.config
  config.live_reload_config = false
  config.setConfigPath('')
}

/** Builds an isolated ApiClient for `target`; throws on an unknown region or a non-loopback demo URL (bugs). */
export function createSdkClient(target: SessionTarget, sessionSignal: () => AbortSignal): SdkClient {
  const Ctor = (platformClient as unknown as { ApiClientClass: new () => ApiClient }).ApiClientClass
  const client = new Ctor()
  isolateConfig(client)
  let loginBaseUrl: string
  let targetKey: string
  if (target.kind === 'region') {
    const env = sdkRegionHosts()[target.regionId]
    if (!env) throw new Error(`[Session] unknown region ${target.regionId}`)
    client.setEnvironment(env)
    loginBaseUrl = `https://login.${env}`
    targetKey = env
  } else {
    const url = new URL(target.baseUrl)
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error('[Session] demo org must be on loopback')
    const protocol = url.protocol.replace(':', '')
    const port = url.port ? Number(url.port) : protocol === 'https' ? 443 : 80
    client.setGateway({ host: url.hostname, protocol, port })
    loginBaseUrl = `${protocol}://${url.hostname}:${port}`
    targetKey = 'demo'
  }
  client.setReturnExtendedResponses(true)
  client.setHttpClient(new CancellableHttpClient(sessionSignal) as never)
  return { client, apis: bindApis(client), loginBaseUrl, targetKey }
}

function bindApis(client: ApiClient): PlatformApis {
  const pc = platformClient
  return {
    analytics: new pc.AnalyticsApi(client),
    architect: new pc.ArchitectApi(client),
    conversations: new pc.ConversationsApi(client),
    integrations: new pc.IntegrationsApi(client),
    notifications: new pc.NotificationsApi(client),
    organization: new pc.OrganizationApi(client),
    outbound: new pc.OutboundApi(client),
    routing: new pc.RoutingApi(client),
    telephony: new pc.TelephonyProvidersEdgeApi(client),
    tokens: new pc.TokensApi(client),
    users: new pc.UsersApi(client)
  }
}
