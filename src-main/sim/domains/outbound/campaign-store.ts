/**
 * Outbound campaigns: created `off`, turned on/off by PUT (with a matching `version`) or start/stop, `stopping`
 * until the dialer's outstanding calls end, `complete` when a non-always-running campaign runs out of contacts.
 */
import type { DomainContext } from '../shared/context'
import { isoDate } from '../shared/context'
import { badRequest, invalidCreate, invalidUpdate, notFound, versionConflict } from '../shared/errors'
import { optionalNumber, requireObject, type Json } from '../shared/body'
import { outboundNameMatches, pageOf, type EntityListing } from '../shared/listing'
import { SimHttpError } from '../../http/types'
import type { CampaignRecord, CampaignRefNames, CampaignRuntime, CampaignStatus } from './campaign-types'
import { campaignJson, changedWhileOn, readCampaign, type CampaignRefChecks } from './campaign-validation'

const BASE = '/api/v2/outbound/campaigns'

/** Called after every status change so the dialer can start or stop dialling. */
export type CampaignStatusListener = (campaign: CampaignRecord, previous: CampaignStatus) => void

/** Campaign CRUD with versions and status transitions; the dialer reacts to its status changes. */
export class CampaignStore {
  private readonly campaigns = new Map<string, CampaignRecord>()
  private readonly runtimes = new Map<string, CampaignRuntime>()
  private readonly listeners: CampaignStatusListener[] = []

  constructor(
    private readonly ctx: DomainContext,
    private readonly checks: CampaignRefChecks,
    private readonly names: CampaignRefNames
  ) {}

  onStatusChange(listener: CampaignStatusListener): void {
    this.listeners.push(listener)
  }

  create(body: unknown): Json {
    const fields = readCampaign(body, this.checks, (d) => invalidCreate('Campaign', d))
    if (this.findByName(fields.name)) throw invalidCreate('Campaign', `A campaign named '${fields.name}' already exists.`)
    const { requestedStatus: _ignored, ...rest } = fields
    const now = isoDate(this.ctx.clock.now())
    // The API always creates campaigns off (terraform-provider-genesyscloud#476); callers PUT "on" afterwards.
    const record: CampaignRecord = {
      ...rest,
      id: this.ctx.ids.next(),
      version: 1,
      dateCreated: now,
      dateModified: now,
      campaignStatus: 'off'
    }
    this.campaigns.set(record.id, record)
    this.runtimes.set(record.id, { attempts: 0, connects: 0, rightPartyContacts: 0, outstandingCalls: 0 })
    this.publishConfig(record)
    return this.toJson(record)
  }

  get(id: string): Json {
    return this.toJson(this.record(id))
  }

  record(id: string): CampaignRecord {
    const record = this.campaigns.get(id)
    if (!record) throw notFound('Campaign', id)
    return record
  }

  runtime(id: string): CampaignRuntime {
    const runtime = this.runtimes.get(id)
    if (!runtime) throw notFound('Campaign', id)
    return runtime
  }

  /** The campaign with this id, or undefined (no 404). */
  find(id: string): CampaignRecord | undefined {
    return this.campaigns.get(id)
  }

  all(): CampaignRecord[] {
    return [...this.campaigns.values()]
  }

  findByName(name: string): CampaignRecord | undefined {
    for (const c of this.campaigns.values()) if (c.name.toLowerCase() === name.toLowerCase()) return c
    return undefined
  }

  /** Who uses a contact list / response set / callable time set (for delete guards). */
  usedBy(kind: 'contactList' | 'responseSet' | 'callableTimeSet', id: string): string | undefined {
    const refOf = (c: CampaignRecord): string | undefined =>
      kind === 'contactList' ? c.contactListId : kind === 'responseSet' ? c.callAnalysisResponseSetId : c.callableTimeSetId
    for (const c of this.campaigns.values()) if (refOf(c) === id) return `campaign '${c.name}'`
    return undefined
  }

  list(query: URLSearchParams): EntityListing<Json> {
    const ids = query.getAll('id')
    const filters: Array<[string, (c: CampaignRecord) => string | undefined]> = [
      ['contactListId', (c) => c.contactListId],
      ['callAnalysisResponseSetId', (c) => c.callAnalysisResponseSetId],
      ['edgeGroupId', (c) => c.edgeGroupId]
    ]
    const items = [...this.campaigns.values()]
      .filter((c) => outboundNameMatches(c.name, query) && (ids.length === 0 || ids.includes(c.id)))
      .filter((c) => filters.every(([param, get]) => !query.get(param) || get(c) === query.get(param)))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => this.toJson(c))
    return pageOf(items, BASE, query)
  }

  /** Full-object PUT: `version` must match; status follows the allowed transitions. */
  update(id: string, body: unknown): Json {
    const record = this.record(id)
    const version = optionalNumber(requireObject(body), 'version')
    if (version === undefined) throw badRequest("The field 'version' is required for updates.")
    if (version !== record.version) throw versionConflict()
    const fail = (d: string): SimHttpError => invalidUpdate('Campaign', d)
    const fields = readCampaign(body, this.checks, fail)
    if (fields.requestedStatus === undefined) throw fail('campaignStatus is required for updates.')
    const other = this.findByName(fields.name)
    if (other && other.id !== id) throw fail(`A campaign named '${fields.name}' already exists.`)
    if (record.campaignStatus === 'stopping') throw fail('A campaign cannot be edited while it is stopping.')
    const target = this.transitionTarget(record.campaignStatus, fields.requestedStatus)
    if (record.campaignStatus === 'on') {
      const locked = changedWhileOn(record, fields)
      if (locked.length > 0) throw fail(`${locked.join(', ')} cannot be changed while the campaign is on.`)
    }
    const { requestedStatus: _status, ...rest } = fields
    const timeSetChanged = record.callableTimeSetId !== rest.callableTimeSetId
    const wasOn = record.campaignStatus === 'on'
    if (rest.callableTimeSetId === undefined) delete record.callableTimeSetId
    Object.assign(record, rest)
    this.bump(record)
    this.setStatus(record, target)
    this.publishConfig(record)
    // A new dialling window may open (or close) the campaign at once; let the dialer look again.
    if (timeSetChanged && wasOn && record.campaignStatus === 'on') this.notify(record, 'on')
    return this.toJson(record)
  }

  /** PATCH: only `outboundLineCount`, `abandonRate`, `maxCallsPerAgent`, `dynamicLineBalancingSettings`, `queue`. */
  patch(id: string, body: unknown): void {
    const record = this.record(id)
    const obj = requireObject(body)
    const lines = optionalNumber(obj, 'outboundLineCount')
    if (lines !== undefined) {
      if (!Number.isInteger(lines) || lines < 1) throw invalidUpdate('Campaign', 'outboundLineCount must be a positive integer.')
      record.outboundLineCount = lines
    }
    for (const key of ['abandonRate', 'maxCallsPerAgent', 'dynamicLineBalancingSettings', 'queue']) {
      if (obj[key] !== undefined) record.extras[key] = obj[key]
    }
    this.bump(record)
    this.publishConfig(record)
    this.notify(record, record.campaignStatus)
  }

  start(id: string): void {
    const record = this.record(id)
    if (record.campaignStatus === 'stopping') throw invalidUpdate('Campaign', 'Invalid transition from <STOPPING> to <ON>')
    this.changeStatus(record, 'on')
  }

  stop(id: string): void {
    const record = this.record(id)
    if (record.campaignStatus === 'on') this.changeStatus(record, 'off')
  }

  delete(id: string): void {
    const record = this.record(id)
    if (record.campaignStatus === 'on' || record.campaignStatus === 'stopping') {
      throw new SimHttpError(400, 'invalid.delete', `Campaign '${record.name}' must be off before it can be deleted.`)
    }
    this.campaigns.delete(id)
    this.runtimes.delete(id)
  }

  /** The dialer reports that a stopping campaign has no outstanding calls left. */
  markStopped(id: string): void {
    const record = this.campaigns.get(id)
    if (record?.campaignStatus === 'stopping') this.applyStatus(record, 'off')
  }

  /** The dialer reports that a non-always-running campaign has dialled every contact. */
  markComplete(id: string): void {
    const record = this.campaigns.get(id)
    if (record?.campaignStatus === 'on' && !record.alwaysRunning) this.applyStatus(record, 'complete')
  }

  toJson(record: CampaignRecord): Json {
    const responseSet = record.callAnalysisResponseSetId ? this.names.responseSet(record.callAnalysisResponseSetId) : undefined
    const callableTimeSet = record.callableTimeSetId ? this.names.callableTimeSet(record.callableTimeSetId) : undefined
    return campaignJson(record, {
      contactList: this.names.contactList(record.contactListId),
      ...(responseSet ? { responseSet } : {}),
      ...(callableTimeSet ? { callableTimeSet } : {})
    })
  }

  /** Allowed transitions: anything → on, on → off (via stopping), complete → complete; complete → off is refused. */
  private transitionTarget(current: CampaignStatus, requested: CampaignStatus): CampaignStatus {
    if (requested === current) return current
    if (requested === 'on') return 'on'
    if (requested === 'off' && current === 'on') return 'off'
    if (requested === 'off' && (current === 'invalid' || current === 'forced_off')) return 'off'
    throw invalidUpdate('Campaign', `Invalid transition from <${current.toUpperCase()}> to <${requested.toUpperCase()}>`)
  }

  private changeStatus(record: CampaignRecord, target: CampaignStatus): void {
    this.bump(record)
    this.setStatus(record, target)
    this.publishConfig(record)
  }

  private setStatus(record: CampaignRecord, target: CampaignStatus): void {
    const previous = record.campaignStatus
    if (target === previous) return
    // Turning off drains through "stopping"; the dialer calls markStopped once no calls are outstanding.
    record.campaignStatus = target === 'off' && previous === 'on' ? 'stopping' : target
    this.notify(record, previous)
    if (record.campaignStatus === 'stopping' && this.runtime(record.id).outstandingCalls === 0) {
      record.campaignStatus = 'off'
      this.notify(record, 'stopping')
    }
  }

  private applyStatus(record: CampaignRecord, status: CampaignStatus): void {
    const previous = record.campaignStatus
    record.campaignStatus = status
    this.bump(record)
    this.publishConfig(record)
    this.notify(record, previous)
  }

  private notify(record: CampaignRecord, previous: CampaignStatus): void {
    for (const listener of this.listeners) listener(record, previous)
  }

  private bump(record: CampaignRecord): void {
    record.version += 1
    record.dateModified = isoDate(this.ctx.clock.now())
  }

  private publishConfig(record: CampaignRecord): void {
    const json = this.toJson(record)
    delete json.selfUri
    this.ctx.publish(`v2.outbound.campaigns.${record.id}`, { ...json, additionalProperties: {} })
  }
}
