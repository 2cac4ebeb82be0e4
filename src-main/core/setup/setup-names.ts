/**
 * The names guided setup gives its objects and the marker that says "setup made this". Teardown removes only
 * marked objects (or, for types with no description field, objects under setup's exact names), so a queue or
 * flow someone made by hand is never touched. Names derive from the lead's prefix, so two deployments with
 * different prefixes live side by side.
 */

/** Marker written into descriptions / notes of every object that has such a field. */
export const OWNER_MARKER = '[callback-console-setup]'

/** Object names for one prefix. */
export interface SetupNames {
  readonly holdingQueue: string
  readonly wrapupCode: string
  readonly credential: string
  readonly integration: string
  readonly contactList: string
  readonly callableTimeSet: string
  readonly responseSet: string
  readonly campaign: string
  readonly outboundFlow: string
  readonly workflow: string
  readonly inboundFlow: string
  readonly inQueueFlow: string
}

/** Derives every object name from the prefix (e.g. "Callback Console - Waiting callbacks"). */
export function setupNames(prefix: string): SetupNames {
  const n = (role: string): string => `${prefix} - ${role}`
  return {
    holdingQueue: n('Waiting callbacks'),
    wrapupCode: n('No answer'),
    credential: n('Data actions credential'),
    integration: n('Data actions'),
    contactList: n('Callbacks'),
    callableTimeSet: n('Dialling hours'),
    responseSet: n('Call analysis'),
    campaign: n('Callbacks'),
    outboundFlow: n('Connect'),
    workflow: n('Workbin'),
    inboundFlow: n('Start workbin'),
    inQueueFlow: n('Offer')
  }
}

/** A description that carries the marker plus machine-readable `key=value` tags. */
export function ownedDescription(text: string, tags: Readonly<Record<string, string>> = {}): string {
  const tagText = Object.entries(tags)
    .map(([k, v]) => ` ${k}=${v}`)
    .join('')
  return `${text} ${OWNER_MARKER}${tagText}`
}

/** True when a description / notes field carries setup's marker. */
export function isOwned(description: string | undefined | null): boolean {
  return typeof description === 'string' && description.includes(OWNER_MARKER)
}

/** Reads the `key=value` tags after the marker (empty when unmarked). */
export function ownedTags(description: string | undefined | null): Record<string, string> {
  if (!isOwned(description)) return {}
  const after = description!.slice(description!.indexOf(OWNER_MARKER) + OWNER_MARKER.length)
  const tags: Record<string, string> = {}
  for (const m of after.matchAll(/([A-Za-z][A-Za-z0-9-]*)=(\S+)/g)) tags[m[1]!] = m[2]!
  return tags
}

/**
 * A 64-bit content hash (two FNV-1a lanes) as 16 hex digits: flows carry the hash of their rendered YAML in
 * their description, so a re-run can tell "published and identical" from "needs a new version" without an
 * export job. Not a security hash; it only has to change when the text changes.
 */
export function contentHash(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193) >>> 0
    b = Math.imul(b ^ c ^ (a >>> 7), 0x5bd1e995) >>> 0
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')
}
