/**
 * `GET/POST /__sim/faults`: flips fault switches from another process (e2e tests). Guarded by the demo org's
 * own admin token (never an OAuth token); the server only listens on 127.0.0.1.
 */
import { timingSafeEqual } from 'node:crypto'
import type { CoreContext } from '../core-context'
import { badRequest, requireObject } from '../http/errors'
import { SimHttpError, type SimRequest, type SimRouter } from '../http/types'
import type { FaultSettings } from '../faults'

const ACTIONS = ['dropSockets', 'socketClosing', 'expireChannels', 'revokeTokens', 'reset'] as const
type Action = (typeof ACTIONS)[number]

function requireAdmin(ctx: CoreContext, req: SimRequest): void {
  const h = req.headers.authorization
  const m = typeof h === 'string' ? /^bearer\s+(\S+)$/i.exec(h.trim()) : null
  const given = Buffer.from(m?.[1] ?? '')
  const want = Buffer.from(ctx.adminToken)
  if (given.length !== want.length || !timingSafeEqual(given, want)) {
    throw new SimHttpError(401, 'bad.credentials', 'The demo org admin token is required.')
  }
}

function runAction(ctx: CoreContext, action: Action, graceMs: number): number {
  switch (action) {
    case 'dropSockets':
      return ctx.faults.dropSockets()
    case 'socketClosing':
      return ctx.faults.sendSocketClosing(graceMs)
    case 'expireChannels':
      return ctx.faults.expireChannels()
    case 'revokeTokens':
      return ctx.faults.revokeTokens()
    case 'reset':
      ctx.faults.reset()
      return 0
  }
}

/** Registers the admin routes (no OAuth; admin token checked in the handler). */
export function registerAdminRoutes(router: SimRouter, ctx: CoreContext): void {
  router.add(
    'GET',
    '/__sim/faults',
    (req) => {
      requireAdmin(ctx, req)
      return { status: 200, body: { settings: ctx.faults.settings } }
    },
    { auth: 'none' }
  )
  router.add(
    'POST',
    '/__sim/faults',
    (req) => {
      requireAdmin(ctx, req)
      const o = requireObject(req.body)
      let affected: number | undefined
      if (o.settings !== undefined) ctx.faults.set(requireObject(o.settings, 'settings') as Partial<FaultSettings>)
      if (o.action !== undefined) {
        if (typeof o.action !== 'string' || !(ACTIONS as readonly string[]).includes(o.action)) {
          throw badRequest(`action must be one of ${ACTIONS.join(', ')}.`, 'invalid.value', 'action')
        }
        const grace = typeof o.graceMs === 'number' && o.graceMs >= 0 ? o.graceMs : 60_000
        affected = runAction(ctx, o.action as Action, grace)
      }
      return { status: 200, body: { settings: ctx.faults.settings, ...(affected !== undefined ? { affected } : {}) } }
    },
    { auth: 'none' }
  )
}
