/** Reads and checks a campaign body against the outbound API's rules (which fields each dialing mode needs). */
import {
  isRecord,
  optionalBoolean,
  optionalNumber,
  optionalRefId,
  optionalString,
  requireObject,
  requireRefId,
  requireString,
  type Json
} from '../shared/body'
import type { CampaignRecord, CampaignStatus } from './campaign-types'
import { DIALING_MODES } from './campaign-types'

const MANAGED = new Set([
  'id',
  'name',
  'version',
  'dateCreated',
  'dateModified',
  'contactList',
  'dialingMode',
  'queue',
  'script',
  'edgeGroup',
  'site',
  'callAnalysisResponseSet',
  'callableTimeSet',
  'campaignStatus',
  'phoneColumns',
  'callerName',
  'callerAddress',
  'outboundLineCount',
  'alwaysRunning',
  'noAnswerTimeout',
  'priority',
  'errors',
  'selfUri'
])
const STATUSES = new Set<string>(['on', 'stopping', 'off', 'complete', 'invalid', 'forced_off', 'forced_stopping'])

/** What the campaign references must satisfy; each returns an error sentence or undefined. */
export interface CampaignRefChecks {
  contactList(id: string, phoneColumns: readonly string[]): string | undefined
  responseSet(id: string): string | undefined
  callableTimeSet(id: string): string | undefined
  edgeGroup(id: string): string | undefined
  site(id: string): string | undefined
}

/** A validated campaign body (with the status the caller asked for). */
export type CampaignFields = Omit<CampaignRecord, 'id' | 'version' | 'dateCreated' | 'dateModified' | 'campaignStatus'> & {
  requestedStatus?: CampaignStatus
}

/** Parses a create/update body; `fail` builds the Genesys error (invalid.create / invalid.update). */
export function readCampaign(body: unknown, checks: CampaignRefChecks, fail: (details: string) => Error): CampaignFields {
  const obj = requireObject(body)
  const name = requireString(obj, 'name')
  const contactListId = requireRefId(obj, 'contactList')
  const dialingMode = requireString(obj, 'dialingMode')
  if (!(DIALING_MODES as readonly string[]).includes(dialingMode)) throw fail(`dialingMode '${dialingMode}' is not valid.`)
  const queueId = optionalRefId(obj, 'queue')
  const scriptId = optionalRefId(obj, 'script')
  const edgeGroupId = optionalRefId(obj, 'edgeGroup')
  const siteId = optionalRefId(obj, 'site')
  const callAnalysisResponseSetId = optionalRefId(obj, 'callAnalysisResponseSet')
  const callableTimeSetId = optionalRefId(obj, 'callableTimeSet')
  const agentless = dialingMode === 'agentless'
  if (!agentless && !queueId) throw fail('a queue is required for every dialing mode except agentless.')
  if (!agentless && dialingMode !== 'external' && !scriptId)
    throw fail('a script is required for every dialing mode except agentless.')
  if (dialingMode !== 'preview' && !edgeGroupId && !siteId)
    throw fail('an edge group or a site is required for every dialing mode except preview.')
  if (dialingMode !== 'preview' && !callAnalysisResponseSetId)
    throw fail('a call analysis response set is required for every dialing mode except preview.')
  const outboundLineCount = optionalNumber(obj, 'outboundLineCount')
  if (agentless && (outboundLineCount === undefined || !Number.isInteger(outboundLineCount) || outboundLineCount < 1)) {
    throw fail('outboundLineCount is required for agentless campaigns and must be a positive integer.')
  }
  const phoneColumns = readPhoneColumns(obj.phoneColumns, fail)
  const problems = [
    checks.contactList(
      contactListId,
      phoneColumns.map((p) => p.columnName)
    ),
    callAnalysisResponseSetId ? checks.responseSet(callAnalysisResponseSetId) : undefined,
    callableTimeSetId ? checks.callableTimeSet(callableTimeSetId) : undefined,
    edgeGroupId ? checks.edgeGroup(edgeGroupId) : undefined,
    siteId ? checks.site(siteId) : undefined
  ].filter((p): p is string => p !== undefined)
  if (problems.length > 0) throw fail(problems[0])
  const status = optionalString(obj, 'campaignStatus')
  if (status !== undefined && !STATUSES.has(status)) throw fail(`campaignStatus '${status}' is not valid.`)
  const noAnswerTimeout = optionalNumber(obj, 'noAnswerTimeout') ?? 30
  if (noAnswerTimeout < 5 || noAnswerTimeout > 120) throw fail('noAnswerTimeout must be between 5 and 120 seconds.')
  const priority = optionalNumber(obj, 'priority') ?? 5
  if (!Number.isInteger(priority) || priority < 1 || priority > 5) throw fail('priority must be between 1 and 5.')
  const extras: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(obj)) if (!MANAGED.has(key)) extras[key] = value
  return {
    name,
    contactListId,
    dialingMode,
    ...(queueId ? { queueId } : {}),
    ...(scriptId ? { scriptId } : {}),
    ...(edgeGroupId ? { edgeGroupId } : {}),
    ...(siteId ? { siteId } : {}),
    ...(callAnalysisResponseSetId ? { callAnalysisResponseSetId } : {}),
    ...(callableTimeSetId ? { callableTimeSetId } : {}),
    phoneColumns,
    callerName: requireString(obj, 'callerName'),
    callerAddress: requireString(obj, 'callerAddress'),
    ...(outboundLineCount !== undefined ? { outboundLineCount } : {}),
    alwaysRunning: optionalBoolean(obj, 'alwaysRunning') ?? false,
    noAnswerTimeout,
    priority,
    extras,
    ...(status !== undefined ? { requestedStatus: status as CampaignStatus } : {})
  }
}

function readPhoneColumns(raw: unknown, fail: (details: string) => Error): Array<{ columnName: string; type?: string }> {
  if (!Array.isArray(raw) || raw.length === 0) throw fail('phoneColumns must list at least one phone column.')
  return raw.map((p: unknown) => {
    if (!isRecord(p) || typeof p.columnName !== 'string' || p.columnName === '')
      throw fail('each phone column needs a columnName.')
    return typeof p.type === 'string' ? { columnName: p.columnName, type: p.type } : { columnName: p.columnName }
  })
}

/** Fields the API lets you change while a campaign is on (help.mypurecloud.com "edit existing campaign"). */
export function changedWhileOn(current: CampaignRecord, next: CampaignFields): string[] {
  const changed: string[] = []
  if (current.contactListId !== next.contactListId) changed.push('contactList')
  if (current.dialingMode !== next.dialingMode) changed.push('dialingMode')
  if (current.callAnalysisResponseSetId !== next.callAnalysisResponseSetId) changed.push('callAnalysisResponseSet')
  if (current.edgeGroupId !== next.edgeGroupId) changed.push('edgeGroup')
  if (current.siteId !== next.siteId) changed.push('site')
  if (current.outboundLineCount !== next.outboundLineCount) changed.push('outboundLineCount')
  if (current.alwaysRunning !== next.alwaysRunning) changed.push('alwaysRunning')
  if (
    JSON.stringify(current.phoneColumns.map((p) => p.columnName)) !== JSON.stringify(next.phoneColumns.map((p) => p.columnName))
  ) {
    changed.push('phoneColumns')
  }
  return changed
}

/** The JSON a GET returns. */
export function campaignJson(
  c: CampaignRecord,
  names: { contactList?: string; responseSet?: string; callableTimeSet?: string }
): Json {
  const ref = (id: string | undefined, base: string, name?: string): Json | undefined =>
    id === undefined ? undefined : { id, ...(name ? { name } : {}), selfUri: `${base}/${id}` }
  const json: Json = {
    ...c.extras,
    id: c.id,
    name: c.name,
    dateCreated: c.dateCreated,
    dateModified: c.dateModified,
    version: c.version,
    contactList: ref(c.contactListId, '/api/v2/outbound/contactlists', names.contactList),
    queue: ref(c.queueId, '/api/v2/routing/queues'),
    dialingMode: c.dialingMode,
    script: ref(c.scriptId, '/api/v2/scripts'),
    edgeGroup: ref(c.edgeGroupId, '/api/v2/telephony/providers/edges/edgegroups'),
    site: ref(c.siteId, '/api/v2/telephony/providers/edges/sites'),
    campaignStatus: c.campaignStatus,
    phoneColumns: c.phoneColumns.map((p) => ({ ...p })),
    callAnalysisResponseSet: ref(c.callAnalysisResponseSetId, '/api/v2/outbound/callanalysisresponsesets', names.responseSet),
    callableTimeSet: ref(c.callableTimeSetId, '/api/v2/outbound/callabletimesets', names.callableTimeSet),
    callerName: c.callerName,
    callerAddress: c.callerAddress,
    outboundLineCount: c.outboundLineCount,
    alwaysRunning: c.alwaysRunning,
    noAnswerTimeout: c.noAnswerTimeout,
    priority: c.priority,
    errors: [],
    selfUri: `/api/v2/outbound/campaigns/${c.id}`
  }
  for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key]
  return json
}
