/**
 * Data actions with their published version and optional draft, as the Actions API keeps them:
 * create published (`POST /actions`) or as a draft (`POST /actions/drafts`), edit the draft with a matching
 * `version`, publish it, patch or delete the published action.
 */
import type { DomainContext } from '../shared/context'
import {
  isRecord,
  optionalBoolean,
  optionalNumber,
  optionalString,
  requireObject,
  requireString,
  type Json
} from '../shared/body'
import { badRequest, notFound, versionConflict } from '../shared/errors'
import { nameFilter, pageOf, type EntityListing } from '../shared/listing'
import { SimHttpError } from '../../http/types'
import type { IntegrationStore } from './integration-store'

const BASE = '/api/v2/integrations/actions'

/** One version (published or draft) of an action. */
export interface ActionVersion {
  name: string
  category: string
  config: Json
  contract: { input: { inputSchema: Json }; output: { successSchema: Json } }
  secure: boolean
  version: number
}

/** An action with its published version and draft. */
export interface ActionRecord {
  readonly id: string
  readonly integrationId: string
  published?: ActionVersion
  draft?: ActionVersion
}

/** Data actions CRUD with drafts and publishing. */
export class ActionStore {
  private readonly actions = new Map<string, ActionRecord>()

  constructor(
    private readonly ctx: DomainContext,
    private readonly integrations: IntegrationStore
  ) {
    integrations.onDelete((integrationId) => {
      for (const [id, a] of this.actions) if (a.integrationId === integrationId) this.actions.delete(id)
    })
  }

  /** `POST /actions` (published at once) or `POST /actions/drafts` (draft only). */
  create(body: unknown, asDraft: boolean): Json {
    const obj = requireObject(body)
    const integrationId = requireString(obj, 'integrationId')
    this.integrations.record(integrationId)
    const version: ActionVersion = {
      name: requireString(obj, 'name'),
      category: requireString(obj, 'category'),
      config: readConfig(obj.config, true),
      contract: readContract(obj.contract),
      secure: optionalBoolean(obj, 'secure') ?? false,
      version: 1
    }
    this.assertUniqueName(version.category, version.name, undefined)
    const record: ActionRecord = {
      id: `custom_-_${this.ctx.ids.next()}`,
      integrationId,
      ...(asDraft ? { draft: version } : { published: version })
    }
    this.actions.set(record.id, record)
    return actionJson(record, asDraft ? 'draft' : 'published', true)
  }

  record(id: string): ActionRecord {
    const record = this.actions.get(id)
    if (!record) throw notFound('Action', id)
    return record
  }

  get(id: string, which: 'published' | 'draft', includeConfig: boolean): Json {
    const record = this.record(id)
    if (!record[which]) throw notFound(which === 'draft' ? 'Draft of action' : 'Action', id)
    return actionJson(record, which, includeConfig)
  }

  list(query: URLSearchParams, which: 'published' | 'draft'): EntityListing<Json> {
    const category = query.get('category')
    const matchName = nameFilter(query.get('name'))
    const ids = query.getAll('ids').flatMap((v) => v.split(','))
    const secure = query.get('secure')
    const includeConfig = query.get('includeConfig') === 'true'
    const items = [...this.actions.values()]
      .filter((a) => a[which] !== undefined)
      .filter((a) => {
        const v = a[which]!
        return (
          (!category || v.category === category) &&
          matchName(v.name) &&
          (ids.length === 0 || ids.includes(a.id)) &&
          (secure === null || String(v.secure) === secure)
        )
      })
      .sort((a, b) => a[which]!.name.localeCompare(b[which]!.name))
      .map((a) => actionJson(a, which, includeConfig))
    return pageOf(items, which === 'draft' ? `${BASE}/drafts` : BASE, query)
  }

  categories(query: URLSearchParams): EntityListing<Json> {
    const names = new Set<string>()
    for (const a of this.actions.values()) if (a.published) names.add(a.published.category)
    const items = [...names].sort().map((name) => ({ name, selfUri: `${BASE}/categories/${encodeURIComponent(name)}` }))
    return pageOf(items, `${BASE}/categories`, query)
  }

  /** `POST /actions/{id}/draft`: a draft copied from the published action. */
  createDraft(id: string): Json {
    const record = this.record(id)
    if (!record.published) throw notFound('Action', id)
    if (record.draft) throw new SimHttpError(409, 'conflict', `Action ${id} already has a draft.`)
    record.draft = { ...structuredClone(record.published), version: 1 }
    return actionJson(record, 'draft', true)
  }

  /** `PATCH /actions/{id}/draft` (`UpdateDraftInput`) or `PATCH /actions/{id}` (`UpdateActionInput`). */
  update(id: string, body: unknown, which: 'published' | 'draft'): Json {
    const record = this.record(id)
    const current = record[which]
    if (!current) throw notFound(which === 'draft' ? 'Draft of action' : 'Action', id)
    const obj = requireObject(body)
    const version = optionalNumber(obj, 'version')
    if (version === undefined) throw badRequest("The field 'version' is required.")
    if (version !== current.version) throw versionConflict()
    const name = optionalString(obj, 'name') ?? current.name
    const category = optionalString(obj, 'category') ?? current.category
    this.assertUniqueName(category, name, id)
    current.name = name
    current.category = category
    if (obj.config !== undefined) current.config = readConfig(obj.config, false)
    if (which === 'draft' && obj.contract !== undefined) current.contract = readContract(obj.contract)
    if (which === 'draft') current.secure = optionalBoolean(obj, 'secure') ?? current.secure
    current.version += 1
    return actionJson(record, which, true)
  }

  /** `POST /actions/{id}/draft/publish` with the draft's `version`. */
  publishDraft(id: string, body: unknown): Json {
    const record = this.record(id)
    const draft = record.draft
    if (!draft) throw notFound('Draft of action', id)
    const version = optionalNumber(requireObject(body ?? {}), 'version')
    if (version === undefined) throw badRequest("The field 'version' is required.")
    if (version !== draft.version) throw versionConflict()
    if (!isRecord(draft.config.request) || typeof (draft.config.request as Json).requestUrlTemplate !== 'string') {
      throw badRequest('The draft cannot be published: its request configuration has no requestUrlTemplate.', 'invalid.draft')
    }
    record.published = { ...structuredClone(draft), version: (record.published?.version ?? 0) + 1 }
    delete record.draft
    return actionJson(record, 'published', true)
  }

  deleteDraft(id: string): void {
    const record = this.record(id)
    if (!record.draft) throw notFound('Draft of action', id)
    delete record.draft
    if (!record.published) this.actions.delete(id)
  }

  delete(id: string): void {
    this.record(id)
    this.actions.delete(id)
  }

  /** The published action with this category and name (how Architect flows refer to actions). */
  findPublished(category: string, name: string): ActionRecord | undefined {
    for (const a of this.actions.values()) if (a.published?.category === category && a.published.name === name) return a
    return undefined
  }

  /** A published action named `name` in any category of an integration of `integrationIds`. */
  findByName(name: string): ActionRecord | undefined {
    for (const a of this.actions.values()) if (a.published?.name === name) return a
    return undefined
  }

  private assertUniqueName(category: string, name: string, self: string | undefined): void {
    for (const a of this.actions.values()) {
      if (a.id === self) continue
      for (const v of [a.published, a.draft]) {
        if (v && v.category === category && v.name.toLowerCase() === name.toLowerCase()) {
          throw new SimHttpError(409, 'conflict', `An action named '${name}' already exists in category '${category}'.`)
        }
      }
    }
  }
}

/** The SDK's `Action` JSON. */
export function actionJson(record: ActionRecord, which: 'published' | 'draft', includeConfig: boolean): Json {
  const v = record[which]!
  return {
    id: record.id,
    name: v.name,
    integrationId: record.integrationId,
    category: v.category,
    contract: structuredClone(v.contract),
    version: v.version,
    secure: v.secure,
    ...(includeConfig ? { config: structuredClone(v.config) } : {}),
    selfUri: which === 'draft' ? `${BASE}/${record.id}/draft` : `${BASE}/${record.id}`
  }
}

function readConfig(raw: unknown, required: boolean): Json {
  if (raw === undefined && !required) return {}
  if (!isRecord(raw)) throw badRequest("The field 'config' is required and must be an object.")
  const request = raw.request
  if (!isRecord(request)) throw badRequest("The field 'config.request' is required.")
  if (typeof request.requestUrlTemplate !== 'string' || request.requestUrlTemplate === '') {
    throw badRequest("The field 'config.request.requestUrlTemplate' is required.")
  }
  const type = String(request.requestType ?? '')
  if (!['GET', 'PUT', 'POST', 'PATCH', 'DELETE'].includes(type)) {
    throw badRequest("The field 'config.request.requestType' must be one of GET, PUT, POST, PATCH, DELETE.")
  }
  const timeout = raw.timeoutSeconds
  if (timeout !== undefined && (typeof timeout !== 'number' || timeout < 1 || timeout > 60)) {
    throw badRequest("The field 'config.timeoutSeconds' must be between 1 and 60.")
  }
  if (raw.response !== undefined && !isRecord(raw.response)) throw badRequest("The field 'config.response' must be an object.")
  return structuredClone(raw)
}

function readContract(raw: unknown): ActionVersion['contract'] {
  if (!isRecord(raw) || !isRecord(raw.input) || !isRecord(raw.output)) {
    throw badRequest("The field 'contract' needs 'input.inputSchema' and 'output.successSchema'.")
  }
  const inputSchema = raw.input.inputSchema
  const successSchema = raw.output.successSchema
  if (!isRecord(inputSchema) || !isRecord(successSchema)) {
    throw badRequest("The field 'contract' needs 'input.inputSchema' and 'output.successSchema' objects.")
  }
  return { input: { inputSchema: structuredClone(inputSchema) }, output: { successSchema: structuredClone(successSchema) } }
}
