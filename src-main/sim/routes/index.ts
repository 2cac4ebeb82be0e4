/**
 * The core route modules of the demo org, registered in one place. Domain modules (outbound, integrations,
 * architect, telephony) register through `DemoOrgPlugins.registerRoutes` (see `plugins.ts`).
 */
import type { CoreContext } from '../core-context'
import type { SimRouter } from '../http/types'
import { registerAdminRoutes } from './admin'
import { registerAnalyticsRoutes } from './analytics'
import { registerAuthorizationRoutes } from './authorization'
import { registerConversationRoutes } from './conversations'
import { registerIdentityRoutes } from './identity'
import { registerNotificationRoutes } from './notifications'
import { registerOAuthRoutes } from './oauth'
import { registerRoutingRoutes } from './routing'

/** Every core module, in registration order. */
export const coreRouteModules: ReadonlyArray<(router: SimRouter, ctx: CoreContext) => void> = [
  registerOAuthRoutes,
  registerIdentityRoutes,
  registerAuthorizationRoutes,
  registerRoutingRoutes,
  registerAnalyticsRoutes,
  registerConversationRoutes,
  registerNotificationRoutes,
  registerAdminRoutes
]

/** Registers all core routes on the router. */
export function registerCoreRoutes(router: SimRouter, ctx: CoreContext): void {
  for (const register of coreRouteModules) register(router, ctx)
}
