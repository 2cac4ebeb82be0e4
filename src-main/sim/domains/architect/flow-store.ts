/**
 * Architect flows as the Platform API shows them: imported from Archy YAML (a new saved version per import,
 * matched by name and type), published (the `v2.flows.{id}` topic reports the operation), listed, deleted.
 */
import type { DomainContext } from '../shared/context'
import { isoDate } from '../shared/context'
import type { Json } from '../shared/body'
import { notFound } from '../shared/errors'
import { nameFilter, pageOf, type EntityListing } from '../shared/listing'
import { SimHttpError } from '../../http/types'
import { inputSchemaOf, type ArchyFlow } from './archy-yaml'

const BASE = '/api/v2/flows'

/** A saved flow version with its YAML. */
export interface FlowVersionRecord {
  readonly id: string
  readonly yaml: string
  readonly flow: ArchyFlow
  readonly dateCreated: number
  datePublished?: number
}

/** A stored flow with its versions. */
export interface FlowRecord {
  readonly id: string
  name: string
  readonly type: string
  description: string
  readonly division: { readonly id: string; readonly name: string }
  readonly versions: FlowVersionRecord[]
  publishedVersionId?: string
  lastOperation?: { id: string; actionName: string; actionStatus: string; complete: boolean }
}

/** Who still uses a flow (a response set, a queue), so deletes can be refused like Architect's dependency check. */
export type FlowUsage = (flowId: string) => string | undefined

/** Flows CRUD with versions and publishing. */
export class FlowStore {
  private readonly flows = new Map<string, FlowRecord>()
  private usage: FlowUsage = () => undefined

  constructor(
    private readonly ctx: DomainContext,
    private readonly homeDivision: () => { id: string; name: string }
  ) {}

  setUsageCheck(check: FlowUsage): void {
    this.usage = check
  }

  /** Saves a new version of the flow with this name and type (creating it), optionally publishing it at once. */
  importVersion(yaml: string, flow: ArchyFlow, publish: boolean, clientName = 'Archy'): FlowRecord {
    let record = this.findByName(flow.name, flow.type)
    if (!record) {
      record = {
        id: this.ctx.ids.next(),
        name: flow.name,
        type: flow.type,
        description: flow.description,
        division: this.homeDivision(),
        versions: []
      }
      this.flows.set(record.id, record)
    }
    record.description = flow.description
    const version: FlowVersionRecord = { id: `${record.versions.length + 1}.0`, yaml, flow, dateCreated: this.ctx.clock.now() }
    record.versions.push(version)
    if (publish) this.completePublish(record, version, clientName)
    else this.publishEvent(record)
    return record
  }

  /** `POST /flows/actions/publish`: publishes the latest (or given) saved version; the operation completes shortly after. */
  publish(flowId: string, versionId: string | undefined): Json {
    const record = this.record(flowId)
    const version = versionId ? record.versions.find((v) => v.id === versionId) : record.versions.at(-1)
    if (!version)
      throw new SimHttpError(400, 'invalid.flow.version', `Flow ${flowId} has no version ${versionId ?? ''} to publish.`)
    const operation = { id: this.ctx.ids.next(), actionName: 'PUBLISH', actionStatus: 'STARTED', complete: false }
    record.lastOperation = operation
    this.publishEvent(record)
    this.ctx.clock.after(1_500, () => {
      if (this.flows.get(flowId) === record) this.completePublish(record, version, 'Platform API', operation.id)
    })
    return operationJson(operation)
  }

  record(id: string): FlowRecord {
    const record = this.flows.get(id)
    if (!record) throw notFound('Flow', id)
    return record
  }

  get(id: string): Json {
    return this.toJson(this.record(id))
  }

  /** The flow with this id, or undefined (no 404). */
  find(id: string): FlowRecord | undefined {
    return this.flows.get(id)
  }

  all(): FlowRecord[] {
    return [...this.flows.values()]
  }

  findByName(name: string, type?: string): FlowRecord | undefined {
    for (const f of this.flows.values()) if (f.name.toLowerCase() === name.toLowerCase() && (!type || f.type === type)) return f
    return undefined
  }

  /** `GET /flows` with `type` (repeatable), `name` (wildcards), `id`, `publishVersionId`, paging. */
  list(query: URLSearchParams): EntityListing<Json> {
    const types = query
      .getAll('type')
      .flatMap((t) => t.split(','))
      .map((t) => t.toLowerCase())
    const ids = query.getAll('id').flatMap((t) => t.split(','))
    const matchName = nameFilter(query.get('name'))
    const items = this.all()
      .filter(
        (f) => (types.length === 0 || types.includes(f.type)) && (ids.length === 0 || ids.includes(f.id)) && matchName(f.name)
      )
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((f) => this.toJson(f))
    return pageOf(items, BASE, query)
  }

  delete(id: string): void {
    const record = this.record(id)
    const user = this.usage(id)
    if (user) throw new SimHttpError(409, 'flow.in.use', `Flow '${record.name}' is in use by ${user} and cannot be deleted.`)
    this.flows.delete(id)
    this.ctx.publish(`v2.flows.${id}`, { id, name: record.name, description: record.description, deleted: true })
  }

  /** The published version's parsed document (what the emulation runs). */
  published(id: string): FlowVersionRecord | undefined {
    const record = this.flows.get(id)
    return record?.versions.find((v) => v.id === record.publishedVersionId)
  }

  toJson(record: FlowRecord): Json {
    const latest = record.versions.at(-1)
    const published = record.versions.find((v) => v.id === record.publishedVersionId)
    const schema = published ? inputSchemaOf(published.flow) : latest ? inputSchemaOf(latest.flow) : undefined
    return {
      id: record.id,
      name: record.name,
      division: {
        id: record.division.id,
        name: record.division.name,
        selfUri: `/api/v2/authorization/divisions/${record.division.id}`
      },
      description: record.description,
      type: record.type,
      active: published !== undefined,
      system: false,
      deleted: false,
      ...(published ? { publishedVersion: this.versionJson(record, published) } : {}),
      ...(latest ? { savedVersion: this.versionJson(record, latest), checkedInVersion: this.versionJson(record, latest) } : {}),
      ...(schema ? { inputSchema: schema } : {}),
      ...(record.lastOperation ? { currentOperation: operationJson(record.lastOperation) } : {}),
      selfUri: `${BASE}/${record.id}`
    }
  }

  private versionJson(record: FlowRecord, v: FlowVersionRecord): Json {
    const schema = inputSchemaOf(v.flow)
    return {
      id: v.id,
      name: record.name,
      commitVersion: v.id,
      configurationVersion: v.id,
      type: 'PUBLISH',
      secure: false,
      debug: false,
      dateCreated: v.dateCreated,
      dateCheckedIn: v.dateCreated,
      dateSaved: v.dateCreated,
      ...(v.datePublished !== undefined ? { datePublished: isoDate(v.datePublished) } : {}),
      ...(schema ? { inputSchema: schema } : {}),
      selfUri: `${BASE}/${record.id}/versions/${v.id}`
    }
  }

  private completePublish(record: FlowRecord, version: FlowVersionRecord, clientName: string, operationId?: string): void {
    record.publishedVersionId = version.id
    version.datePublished = this.ctx.clock.now()
    record.name = version.flow.name
    record.lastOperation = {
      id: operationId ?? this.ctx.ids.next(),
      actionName: 'PUBLISH',
      actionStatus: 'SUCCESS',
      complete: true
    }
    this.publishEvent(record, clientName)
  }

  private publishEvent(record: FlowRecord, clientName = 'Platform API'): void {
    const latest = record.versions.at(-1)
    const op = record.lastOperation
    this.ctx.publish(`v2.flows.${record.id}`, {
      id: record.id,
      name: record.name,
      description: record.description,
      deleted: false,
      ...(latest ? { checkedInVersion: { id: latest.id }, savedVersion: { id: latest.id } } : {}),
      ...(record.publishedVersionId ? { publishedVersion: { id: record.publishedVersionId } } : {}),
      ...(op
        ? {
            currentOperation: {
              id: op.id,
              complete: op.complete,
              actionName: op.actionName,
              actionStatus: op.actionStatus,
              client: { id: 'demo', name: clientName }
            }
          }
        : {})
    })
  }
}

function operationJson(op: { id: string; actionName: string; actionStatus: string; complete: boolean }): Json {
  return { id: op.id, complete: op.complete, actionName: op.actionName, actionStatus: op.actionStatus }
}
