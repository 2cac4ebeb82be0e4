/**
 * Desired body vs what the org returned: "every field setup sets has the value setup wants". Fields the
 * platform adds (ids, versions, selfUris, defaults) are ignored, so a second apply sees "keep", not a phantom
 * update. The result lists changed paths, which the plan shows like `terraform plan` does.
 */
import type { FlowArtifact } from './materialize'
import { isOwned, ownedTags } from './setup-names'
import type { ActualObject, ObjectKind, TargetQueueFacts } from './setup-model'

/** Paths (dotted) where `have` does not contain `want`. Arrays must match element by element. */
export function subsetDiff(want: unknown, have: unknown, path = ''): string[] {
  if ((have === undefined || have === null) && isEmpty(want)) return []
  if (Array.isArray(want)) {
    if (!Array.isArray(have) || have.length !== want.length) return [path || '(value)']
    return want.flatMap((w, i) => subsetDiff(w, have[i], `${path}[${i}]`))
  }
  if (want !== null && typeof want === 'object') {
    if (have === null || typeof have !== 'object' || Array.isArray(have)) return [path || '(value)']
    const h = have as Record<string, unknown>
    return Object.entries(want as Record<string, unknown>).flatMap(([k, w]) => subsetDiff(w, h[k], path ? `${path}.${k}` : k))
  }
  return want === have ? [] : [path || '(value)']
}

/** `{}` and `[]` count as equal to an absent field (the API often drops empty maps such as `headers`). */
function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0
}

/** Campaign fields Genesys refuses to change while the campaign is on (help: "edit existing campaign"). */
export const CAMPAIGN_FIELDS_LOCKED_WHILE_ON = [
  'contactList',
  'dialingMode',
  'callAnalysisResponseSet',
  'edgeGroup',
  'site',
  'outboundLineCount',
  'alwaysRunning',
  'phoneColumns'
] as const

/** What differs between a materialized desired object and the org's copy; [] = keep. */
export function changesOf(kind: ObjectKind, body: Record<string, unknown>, actual: ActualObject, flow?: FlowArtifact): string[] {
  const f = actual.fields
  switch (kind) {
    case 'wrapupCode':
    case 'queue':
    case 'responseSet':
      return subsetDiff(body, f)
    case 'callableTimeSet':
      return subsetDiff(body, withWholeSecondSlots(f))
    case 'contactList': {
      const want = [...((body.columnNames as string[]) ?? [])].sort()
      const have = Array.isArray(f.columnNames) ? [...(f.columnNames as string[])].sort() : []
      const columns = want.join(',') === have.join(',') ? [] : ['columnNames']
      return [
        ...subsetDiff(body.name, f.name, 'name'),
        ...columns,
        ...subsetDiff(body.phoneColumns, f.phoneColumns, 'phoneColumns')
      ]
    }
    case 'credential': {
      const changes = subsetDiff({ name: body.name, type: { name: (body.type as { name: string }).name } }, f)
      const visible = (f.credentialFields ?? {}) as Record<string, unknown>
      const clientId = (body.credentialFields as Record<string, string>).clientId
      if (typeof visible.clientId === 'string' && visible.clientId !== clientId) changes.push('credentialFields.clientId')
      return changes
    }
    case 'integration': {
      const config = ((f.config as { current?: Record<string, unknown> } | undefined)?.current ?? {}) as Record<string, unknown>
      const changes: string[] = []
      if (config.name !== body.name && f.name !== body.name) changes.push('name')
      if (f.notes !== body.notes) changes.push('notes')
      if (f.intendedState !== 'ENABLED') changes.push('intendedState')
      const credential = (config.credentials as Record<string, { id?: string }> | undefined)?.pureCloudOAuthClient?.id
      if (credential !== body.credentialId) changes.push('credentials.pureCloudOAuthClient')
      return changes
    }
    case 'action':
      return subsetDiff(body, f)
    case 'flow': {
      const changes: string[] = []
      if (!isOwned(f.description as string | undefined) || ownedTags(f.description as string).sha !== flow?.hash)
        changes.push('content')
      if (!(f.publishedVersion as { id?: string } | undefined)?.id) changes.push('publishedVersion')
      return changes
    }
    case 'campaign': {
      const changes = subsetDiff(body, f)
      if (f.campaignStatus !== 'on') changes.push('campaignStatus')
      return changes
    }
    case 'targetQueue':
      return (f.queueFlowId ?? null) === body.queueFlowId ? [] : ['queueFlow']
  }
}

/**
 * The API returns slot times with milliseconds (`08:00:00.000`) for the `08:00:00` it was sent (the terraform
 * provider trims them on read for the same reason); drop zero milliseconds so they compare equal.
 */
function withWholeSecondSlots(f: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(f.callableTimes)) return f
  const trim = (t: unknown): unknown => (typeof t === 'string' && /^\d\d:\d\d:\d\d\.0+$/.test(t) ? t.slice(0, 8) : t)
  const callableTimes = (f.callableTimes as unknown[]).map((time) => {
    const slots = (time as { timeSlots?: unknown } | null)?.timeSlots
    if (!Array.isArray(slots)) return time
    return {
      ...(time as Record<string, unknown>),
      timeSlots: slots.map((slot: unknown) =>
        slot !== null && typeof slot === 'object'
          ? {
              ...(slot as Record<string, unknown>),
              startTime: trim((slot as Record<string, unknown>).startTime),
              stopTime: trim((slot as Record<string, unknown>).stopTime)
            }
          : slot
      )
    }
  })
  return { ...f, callableTimes }
}

/** True when a campaign change needs the campaign off first (else it can be PUT while on). */
export function needsCampaignOff(changes: readonly string[]): boolean {
  return changes.some((c) =>
    (CAMPAIGN_FIELDS_LOCKED_WHILE_ON as readonly string[]).some((f) => c === f || c.startsWith(`${f}.`) || c.startsWith(`${f}[`))
  )
}

/** The target queue as an ActualObject, so the planner treats it like the rest. */
export function targetQueueObject(facts: TargetQueueFacts): ActualObject {
  return { key: 'targetQueue', id: facts.id, name: facts.name, ours: true, fields: { queueFlowId: facts.queueFlowId } }
}
