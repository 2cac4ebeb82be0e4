/**
 * Turns one desired object into the exact request body (or rendered flow YAML) once the ids it references are
 * known. Apply calls it step by step with the ids created so far; the planner calls it with the ids already in
 * the org, and an object whose dependency will only be created in this run comes back `pending`.
 */
import { parse as parseYaml } from 'yaml'
import { ACTION_PLACEHOLDERS, FLOW_PLACEHOLDERS } from './desired-state'
import { contentHash, ownedDescription } from './setup-names'
import type { DesiredObject, KnownIds, ObjectKey, Spec } from './setup-model'
import { isIdRef } from './setup-model'
import { placeholdersIn, renderTemplate } from './template-render'

/** A flow ready to upload: YAML plus the hash its description carries. */
export interface FlowArtifact {
  readonly yaml: string
  readonly hash: string
  readonly description: string
}

/** Ready to write, waiting for ids of objects not created yet, or a template problem. */
export type Materialized =
  | { readonly status: 'ready'; readonly body: Record<string, unknown>; readonly flow?: FlowArtifact }
  | { readonly status: 'pending'; readonly waitingFor: readonly ObjectKey[] }
  | { readonly status: 'error'; readonly message: string }

/** Replaces every `{ $ref }` with its id; lists the keys not known yet. */
export function resolveSpec(spec: Spec, ids: KnownIds): { value: unknown; missing: ObjectKey[] } {
  const missing = new Set<ObjectKey>()
  const walk = (s: Spec): unknown => {
    if (isIdRef(s)) {
      const id = ids[s.$ref]
      if (id === undefined) missing.add(s.$ref)
      return id ?? null
    }
    if (Array.isArray(s)) return s.map(walk)
    if (s !== null && typeof s === 'object') return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, walk(v as Spec)]))
    return s
  }
  const value = walk(spec)
  return { value, missing: [...missing] }
}

/** Materializes `desired` with the ids known so far. */
export function materialize(desired: DesiredObject, ids: KnownIds): Materialized {
  const spec = desired.spec
  switch (spec.kind) {
    case 'wrapupCode':
    case 'queue':
    case 'contactList':
    case 'callableTimeSet':
    case 'responseSet':
    case 'campaign':
    case 'credential':
      return fromSpec(spec.body, ids)
    case 'integration':
      return fromSpec({ name: desired.name, notes: spec.notes, credentialId: spec.credential }, ids)
    case 'targetQueue':
      return fromSpec({ queueFlowId: spec.queueFlow }, ids)
    case 'action':
      return action(spec.template, spec.file, spec.category, ids)
    case 'flow':
      return flow(spec.template, spec.values, ids)
  }
}

function fromSpec(spec: Spec, ids: KnownIds): Materialized {
  const { value, missing } = resolveSpec(spec, ids)
  return missing.length > 0
    ? { status: 'pending', waitingFor: missing }
    : { status: 'ready', body: value as Record<string, unknown> }
}

function action(template: string, file: string, category: string, ids: KnownIds): Materialized {
  const integrationId = ids.integration
  if (integrationId === undefined) return { status: 'pending', waitingFor: ['integration'] }
  const rendered = renderTemplate(
    template,
    { integrationName: category, integrationId },
    { known: ACTION_PLACEHOLDERS, escape: 'quoted' }
  )
  if (!rendered.ok) return { status: 'error', message: `${file}: ${rendered.error.message}` }
  try {
    return { status: 'ready', body: JSON.parse(rendered.text) as Record<string, unknown> }
  } catch (e: unknown) {
    return {
      status: 'error',
      message: `${file} is not valid JSON after rendering: ${e instanceof Error ? e.message : String(e)}`
    }
  }
}

/** Rendered flows by template + values: the planner and apply materialize the same flow several times per run. */
const flowCache = new Map<string, Materialized>()

function flow(template: string, values: Readonly<Record<string, string | { $ref: ObjectKey }>>, ids: KnownIds): Materialized {
  const used = new Set(placeholdersIn(template))
  const plain: Record<string, string> = {}
  const missing: ObjectKey[] = []
  for (const [name, value] of Object.entries(values)) {
    if (!used.has(name)) continue
    if (typeof value === 'string') plain[name] = value
    else if (ids[value.$ref] !== undefined) plain[name] = ids[value.$ref]!
    else missing.push(value.$ref)
  }
  if (missing.length > 0) return { status: 'pending', waitingFor: missing }
  const key = `${template}\u0000${JSON.stringify(plain)}`
  const cached = flowCache.get(key)
  if (cached) return cached
  const result = renderFlow(template, plain)
  if (flowCache.size >= 32) flowCache.clear()
  flowCache.set(key, result)
  return result
}

function renderFlow(template: string, plain: Readonly<Record<string, string>>): Materialized {
  const summary = plain.flowDescription ?? ''
  // The hash covers the flow with a fixed description, so writing the hash into it does not change the hash.
  const probe = renderTemplate(
    template,
    { ...plain, flowDescription: ownedDescription(summary, { sha: '-' }) },
    { known: FLOW_PLACEHOLDERS, escape: 'quoted' }
  )
  if (!probe.ok) return { status: 'error', message: probe.error.message }
  const hash = contentHash(probe.text)
  const description = ownedDescription(summary, { sha: hash })
  const rendered = renderTemplate(
    template,
    { ...plain, flowDescription: description },
    { known: FLOW_PLACEHOLDERS, escape: 'quoted' }
  )
  if (!rendered.ok) return { status: 'error', message: rendered.error.message }
  try {
    parseYaml(rendered.text)
  } catch (e: unknown) {
    return { status: 'error', message: `the rendered flow is not valid YAML: ${e instanceof Error ? e.message : String(e)}` }
  }
  return { status: 'ready', body: { name: plain.flowName ?? '', description }, flow: { yaml: rendered.text, hash, description } }
}
