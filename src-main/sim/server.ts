/**
 * Starts the demo org: a loopback HTTP + WebSocket server answering the Genesys Cloud API subset the console
 * uses, reachable through the real SDK with `setGateway({host: '127.0.0.1', protocol: 'http', port})`.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { findClient } from './auth/clients'
import { TokenStore, type TokenRecord } from './auth/token-store'
import type { CoreContext } from './core-context'
import { Faults, type FaultSwitches } from './faults'
import { DEFAULT_MAX_BODY_BYTES } from './http/body'
import { dispatch } from './http/dispatch'
import { RateLimiter } from './http/rate-limit'
import { Router } from './http/router'
import { NotificationHub } from './notifications/hub'
import { attachSocketServer } from './notifications/socket-server'
import { RealTimeClock, type SimClock } from './org/clock'
import { createSimOrg, type SimOrg } from './org/org'
import { defaultPlugins, type DemoOrgPlugins, type TrafficModelHandle } from './plugins'
import { registerCoreRoutes } from './routes/index'
import { seedBase, type BaseSeed } from './seed'

export interface DemoOrgOptions {
  /** 0 / undefined = ephemeral port. Always binds 127.0.0.1. */
  port?: number
  seed?: number
  /** Sim time pace (default 1 = real time). Ignored when `clock` is given. */
  speed?: number
  /** No callback solution objects and no traffic (guided setup). */
  empty?: boolean
  flows?: 'ours' | 'blueprint'
  /** Inject a clock (tests may pass a VirtualClock). */
  clock?: SimClock
  /** Default `defaultPlugins` (sim-domain + sim-model); tests pass `{}` for a quiet core-only org. */
  plugins?: DemoOrgPlugins
  heartbeatMs?: number
  channelTtlMs?: number
  tokenTtlSeconds?: number
  rateLimitPerMinute?: number
  maxBodyBytes?: number
  /** Secret for `/__sim/*` (default random; the CLI reads `SIM_ADMIN_TOKEN`). */
  adminToken?: string
  log?: (line: string) => void
}

/** A running demo org. */
export interface DemoOrg {
  readonly baseUrl: string
  readonly port: number
  readonly org: SimOrg
  readonly faults: FaultSwitches
  readonly seed: BaseSeed
  readonly adminToken: string
  /** Mints a token without the OAuth dance (tests), optionally with custom permissions or lifetime. */
  issueToken(clientId: string, options?: { userId?: string; permissions?: readonly string[]; ttlSeconds?: number }): TokenRecord
  /** Open notification channels (for tests and diagnostics). */
  readonly channelCount: () => number
  /** Access tokens issued so far (tests: proving a token never reaches the renderer). */
  readonly issuedTokens: () => readonly string[]
  close(): Promise<void>
}

/** Starts a demo org and resolves once it listens. */
export async function startDemoOrg(options: DemoOrgOptions = {}): Promise<DemoOrg> {
  const seed = options.seed ?? 1
  const log = options.log ?? ((line: string) => console.error(line))
  const plugins = options.plugins ?? defaultPlugins
  const faults = new Faults(seed)
  let port = 0
  const baseUrl = (): string => `http://127.0.0.1:${port}`
  const clock = options.clock ?? new RealTimeClock(options.speed ?? 1)
  let orgId = ''
  const hub = new NotificationHub({
    wsBase: () => `ws://127.0.0.1:${port}`,
    faults,
    orgId: () => orgId,
    ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.channelTtlMs !== undefined ? { channelTtlMs: options.channelTtlMs } : {})
  })
  const org = createSimOrg({ seed, clock, sink: hub })
  orgId = org.id
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 86_400
  const tokens = new TokenStore(tokenTtlSeconds)
  tokens.onRevoked((t) => hub.revokeToken(t))
  const limiter = new RateLimiter(options.rateLimitPerMinute ?? 300)
  faults.bind({
    dropSockets: () => hub.dropSockets(),
    sendSocketClosing: (grace) => hub.sendSocketClosing(grace),
    expireChannels: () => hub.expireChannels(),
    revokeTokens: () => tokens.revokeAll()
  })
  let base: BaseSeed | undefined
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url')
  const ctx: CoreContext = {
    org,
    tokens,
    hub,
    faults,
    limiter,
    tokenTtlSeconds,
    adminToken,
    desktopUserId: () => base!.supervisorUserId,
    baseUrl
  }
  const router = new Router()
  registerCoreRoutes(router, ctx)
  const deps = { router, tokens, limiter, faults, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, log }
  const server = createServer((req, res) => void dispatch(deps, req, res))
  server.keepAliveTimeout = 5_000
  const closeSockets = attachSocketServer(server, hub)
  port = await listen(server, options.port ?? 0)

  let model: TrafficModelHandle | undefined
  try {
    plugins.installDomains?.(org, baseUrl())
    for (const register of plugins.registerRoutes ?? []) register(router, org)
    base = seedBase(org)
    if (!options.empty) {
      plugins.seedSolution?.(org, { flows: options.flows ?? 'ours' })
      model = plugins.startModel?.(org, { seed, flows: options.flows ?? 'ours' })
    }
  } catch (e: unknown) {
    await closeServer(server)
    throw e
  }

  let closed: Promise<void> | undefined
  return {
    baseUrl: baseUrl(),
    port,
    org,
    faults,
    seed: base,
    adminToken,
    issueToken: (clientId, opts = {}) => {
      const client = findClient(clientId)
      if (!client) throw new Error(`[DemoOrg] unknown client ${clientId}`)
      const userId = opts.userId ?? (client.grantType === 'CODE' ? base!.supervisorUserId : undefined)
      return tokens.issue(client, { ...opts, ...(userId ? { userId } : {}) })
    },
    channelCount: () => hub.channelCount,
    issuedTokens: () => tokens.issuedTokens(),
    close: () =>
      (closed ??= (async () => {
        model?.stop()
        org.dispose()
        hub.close()
        await closeSockets()
        await closeServer(server)
      })())
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
