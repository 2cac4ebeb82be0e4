/**
 * The demo org's OAuth clients, documented in the README: an admin and a read-only client-credentials client,
 * and a public code-grant client for the desktop PKCE login.
 */
import { ADMIN_PERMISSIONS, VIEWER_PERMISSIONS } from './permissions'

/** Genesys `authorizedGrantType` values the demo org supports. */
export type DemoGrantType = 'CLIENT-CREDENTIALS' | 'CODE'

/** An OAuth client registered in the demo org. */
export interface DemoClient {
  readonly id: string
  readonly name: string
  /** Undefined for the public PKCE client. */
  readonly secret?: string
  readonly grantType: DemoGrantType
  /** Role permissions (client credentials) or the logged-in user's permissions (code grant). */
  readonly permissions: readonly string[]
  readonly scope: readonly string[]
}

export const DEMO_SECRET = 'demo-secret'

/** The three demo clients (ids are stable names, not uuids, so docs and tests can quote them). */
export const DEMO_CLIENTS: readonly DemoClient[] = [
  {
    id: 'callback-console-demo',
    name: 'Callback Console demo (admin)',
    secret: DEMO_SECRET,
    grantType: 'CLIENT-CREDENTIALS',
    permissions: ADMIN_PERMISSIONS,
    scope: []
  },
  {
    id: 'callback-console-viewer',
    name: 'Callback Console demo (read-only)',
    secret: DEMO_SECRET,
    grantType: 'CLIENT-CREDENTIALS',
    permissions: VIEWER_PERMISSIONS,
    scope: []
  },
  {
    id: 'callback-console-desktop',
    name: 'Callback Console desktop (PKCE)',
    grantType: 'CODE',
    permissions: ADMIN_PERMISSIONS,
    scope: ['analytics', 'architect', 'conversations', 'integrations', 'notifications', 'outbound', 'routing', 'user-basic-info']
  }
]

/** Looks a client up by id. */
export function findClient(id: string | undefined): DemoClient | undefined {
  return id === undefined ? undefined : DEMO_CLIENTS.find((c) => c.id === id)
}

/**
 * Loopback redirect URIs only (RFC 8252; Genesys allows any port on a registered loopback URI):
 * `http://127.0.0.1:<port>/…`, `http://localhost:<port>/…`, `http://[::1]:<port>/…`.
 */
export function isLoopbackRedirect(uri: string): boolean {
  let u: URL
  try {
    u = new URL(uri)
  } catch {
    return false
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false
  if (u.username || u.password || u.hash) return false
  return u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]'
}
