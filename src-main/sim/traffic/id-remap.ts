/**
 * Maps the objects of one org onto another's by what they are (queue and flow names, user e-mails, the deployed
 * solution's roles), so conversations generated in a scratch org can be moved into the live org with every
 * queue, user, division, campaign, contact list, flow and wrap-up code id pointing at the live objects.
 * Conversation, participant and contact ids are kept (they are new to the live org).
 */
import { findDeployment, type Deployment } from '../domains/index'
import type { SimConversation } from '../org/conversation-types'
import type { SimOrg } from '../org/org'

/** Source id → target id. */
export type IdMap = ReadonlyMap<string, string>

function byKey<T>(
  from: Iterable<T>,
  to: Iterable<T>,
  key: (t: T) => string,
  id: (t: T) => string,
  out: Map<string, string>
): void {
  const target = new Map<string, string>()
  for (const t of to) target.set(key(t), id(t))
  for (const f of from) {
    const mapped = target.get(key(f))
    if (mapped !== undefined) out.set(id(f), mapped)
  }
}

/** The id map from `from`'s objects to `to`'s. */
export function buildIdMap(from: SimOrg, to: SimOrg): IdMap {
  const out = new Map<string, string>([[from.id, to.id]])
  const r = (o: SimOrg) => o.routing
  byKey(
    r(from).divisions.values(),
    r(to).divisions.values(),
    (d) => d.name,
    (d) => d.id,
    out
  )
  byKey(
    r(from).queues.values(),
    r(to).queues.values(),
    (q) => q.name.toLowerCase(),
    (q) => q.id,
    out
  )
  byKey(
    r(from).users.values(),
    r(to).users.values(),
    (u) => u.email.toLowerCase(),
    (u) => u.id,
    out
  )
  byKey(
    r(from).wrapupCodes.values(),
    r(to).wrapupCodes.values(),
    (w) => w.name.toLowerCase(),
    (w) => w.id,
    out
  )
  if (from.architect && to.architect) {
    byKey(
      from.architect.flows.all(),
      to.architect.flows.all(),
      (f) => `${f.type}:${f.name}`,
      (f) => f.id,
      out
    )
  }
  if (from.outbound && to.outbound) {
    byKey(
      from.outbound.campaigns.all(),
      to.outbound.campaigns.all(),
      (c) => c.name,
      (c) => c.id,
      out
    )
  }
  // the solution's roles win over names (guided setup may have named things differently)
  const a = findDeployment(from)
  const b = findDeployment(to)
  for (const key of Object.keys(a) as Array<keyof Deployment>) {
    const x = a[key]
    const y = b[key]
    if (x && y && key !== 'actionCategory') out.set(x, y)
  }
  return out
}

const ACTOR_ID = /^(flow|user|system):(.+)$/

function mapString(value: string, map: IdMap): string {
  const exact = map.get(value)
  if (exact !== undefined) return exact
  const actor = ACTOR_ID.exec(value)
  const mapped = actor ? map.get(actor[2]!) : undefined
  return mapped !== undefined ? `${actor![1]}:${mapped}` : value
}

function remapValue(value: unknown, map: IdMap): unknown {
  if (typeof value === 'string') return mapString(value, map)
  if (Array.isArray(value)) return value.map((v) => remapValue(v, map))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = remapValue(v, map)
    return out
  }
  return value
}

/** A deep copy of `conv` with every id of `map` replaced (attribute values and actor ids included). */
export function remapConversation(conv: SimConversation, map: IdMap): SimConversation {
  return remapValue(conv, map) as SimConversation
}
