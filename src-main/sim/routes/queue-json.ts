/**
 * Queue request parsing and `Queue` rendering, shared by the routing routes and anything that lists queues.
 */
import { badRequest, optionalString, requireObject } from '../http/errors'
import type { SimOrg } from '../org/org'
import type { QueueInput } from '../org/routing-store'
import type { SimQueue } from '../org/routing-types'

const READ_ONLY = new Set([
  'id',
  'name',
  'division',
  'description',
  'dateCreated',
  'dateModified',
  'modifiedBy',
  'createdBy',
  'memberCount',
  'userMemberCount',
  'joinedMemberCount',
  'mediaSettings',
  'queueFlow',
  'scoringMethod',
  'selfUri',
  'sourceQueueId'
])

function entityRef(v: unknown, field: string): { id: string; name?: string } | undefined {
  if (v === undefined || v === null) return undefined
  const o = requireObject(v, field)
  if (typeof o.id !== 'string' || o.id.length === 0)
    throw badRequest(`The field '${field}.id' is required.`, 'invalid.value', `${field}.id`)
  return { id: o.id, ...(typeof o.name === 'string' ? { name: o.name } : {}) }
}

/** Parses `CreateQueueRequest` / `QueueRequest` (400 on a missing name or malformed references). */
export function parseQueueBody(body: unknown, by: string | undefined): QueueInput {
  const o = requireObject(body)
  const name = o.name
  if (typeof name !== 'string' || name.trim().length === 0)
    throw badRequest('The queue name is required.', 'invalid.value', 'name')
  if (name.length > 256) throw badRequest('The queue name must be at most 256 characters.', 'invalid.value', 'name')
  const division = entityRef(o.division, 'division')
  const queueFlow = entityRef(o.queueFlow, 'queueFlow')
  const description = optionalString(o, 'description')
  const scoring = o.scoringMethod
  if (scoring !== undefined && scoring !== 'TimestampAndPriority' && scoring !== 'PriorityOnly') {
    throw badRequest("scoringMethod must be 'TimestampAndPriority' or 'PriorityOnly'.", 'invalid.value', 'scoringMethod')
  }
  let mediaSettings: Record<string, unknown> | undefined
  if (o.mediaSettings !== undefined && o.mediaSettings !== null) mediaSettings = requireObject(o.mediaSettings, 'mediaSettings')
  const extra = Object.fromEntries(Object.entries(o).filter(([k]) => !READ_ONLY.has(k)))
  return {
    name: name.trim(),
    ...(division ? { divisionId: division.id } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(queueFlow ? { queueFlow } : {}),
    ...(mediaSettings ? { mediaSettings } : {}),
    ...(scoring ? { scoringMethod: scoring } : {}),
    extra,
    ...(by ? { by } : {})
  }
}

/** `Queue` JSON. */
export function queueJson(org: SimOrg, q: SimQueue): Record<string, unknown> {
  const d = org.routing.division(q.divisionId)
  const members = org.routing.membersOf(q.id).size
  return {
    acwSettings: { wrapupPrompt: 'MANDATORY_TIMEOUT', timeoutMs: 30000 },
    skillEvaluationMethod: 'ALL',
    routingRules: [],
    bullseye: { rings: [{ expansionTimeoutSeconds: 0 }] },
    enableTranscription: false,
    enableManualAssignment: false,
    ...q.extra,
    id: q.id,
    name: q.name,
    division: { id: d.id, name: d.name, selfUri: `/api/v2/authorization/divisions/${d.id}` },
    ...(q.description !== undefined ? { description: q.description } : {}),
    dateCreated: new Date(q.dateCreated).toISOString(),
    dateModified: new Date(q.dateModified).toISOString(),
    ...(q.createdBy ? { createdBy: q.createdBy } : {}),
    ...(q.modifiedBy ? { modifiedBy: q.modifiedBy } : {}),
    memberCount: members,
    userMemberCount: members,
    joinedMemberCount: members,
    mediaSettings: q.mediaSettings,
    scoringMethod: q.scoringMethod,
    ...(q.queueFlow ? { queueFlow: { ...q.queueFlow, selfUri: `/api/v2/flows/${q.queueFlow.id}` } } : {}),
    selfUri: `/api/v2/routing/queues/${q.id}`
  }
}

/** Genesys paging for any list endpoint: pageSize (default 25, max 500), pageNumber (1-based). */
export function pageOf<T>(items: readonly T[], query: URLSearchParams, basePath: string): Record<string, unknown> {
  const pageSize = clampInt(query.get('pageSize'), 25, 1, 500)
  const pageNumber = clampInt(query.get('pageNumber'), 1, 1, 1_000_000)
  const total = items.length
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const uri = (n: number): string => `${basePath}?pageSize=${pageSize}&pageNumber=${n}`
  return {
    entities: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(pageCount),
    ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
    ...(pageNumber > 1 ? { previousUri: uri(pageNumber - 1) } : {}),
    pageCount
  }
}

function clampInt(v: string | null, dflt: number, min: number, max: number): number {
  if (v === null || v === '') return dflt
  const n = Number(v)
  if (!Number.isInteger(n) || n < min || n > max)
    throw badRequest(`Paging value '${v}' is out of range (${min}..${max}).`, 'invalid.value')
  return n
}
