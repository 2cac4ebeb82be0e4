/**
 * Installed integrations (with their current configuration) and integration credentials. A data-actions
 * integration needs an `ENABLED` intended state and a `pureCloudOAuthClient` credential before its actions run.
 */
import type { DomainContext } from '../shared/context'
import { isoDate } from '../shared/context'
import { isRecord, optionalNumber, optionalString, requireObject, requireString, type Json } from '../shared/body'
import { badRequest, inUse, notFound, versionConflict } from '../shared/errors'
import { pageOf, type EntityListing } from '../shared/listing'
import { credentialType, integrationType } from './integration-catalog'

const BASE = '/api/v2/integrations'
const STATES = new Set(['ENABLED', 'DISABLED', 'DELETED'])

/** A stored integration with its current configuration. */
export interface IntegrationRecord {
  readonly id: string
  readonly typeId: string
  intendedState: 'ENABLED' | 'DISABLED'
  notes: string
  config: {
    name: string
    version: number
    properties: Json
    advanced: Json
    notes: string
    credentials: Record<string, { id: string }>
  }
}

/** A stored credential (secrets stay here). */
export interface CredentialRecord {
  readonly id: string
  name: string
  typeName: string
  fields: Record<string, string>
  readonly createdDate: string
  modifiedDate: string
}

/** Integrations and credentials CRUD. */
export class IntegrationStore {
  private readonly integrations = new Map<string, IntegrationRecord>()
  private readonly credentials = new Map<string, CredentialRecord>()
  private readonly deleteListeners: Array<(id: string) => void> = []

  constructor(private readonly ctx: DomainContext) {}

  /** The action store drops an integration's actions with it. */
  onDelete(listener: (integrationId: string) => void): void {
    this.deleteListeners.push(listener)
  }

  create(body: unknown): Json {
    const obj = requireObject(body)
    const typeRef = obj.integrationType
    if (!isRecord(typeRef) || typeof typeRef.id !== 'string')
      throw badRequest("The field 'integrationType' with an 'id' is required.")
    const type = integrationType(typeRef.id)
    if (!type) throw badRequest(`Integration type '${typeRef.id}' does not exist.`, 'invalid.integration.type')
    const name = optionalString(obj, 'name') ?? String(type.name)
    const record: IntegrationRecord = {
      id: this.ctx.ids.next(),
      typeId: typeRef.id,
      intendedState: 'DISABLED',
      notes: optionalString(obj, 'notes') ?? '',
      config: { name, version: 1, properties: {}, advanced: {}, notes: '', credentials: {} }
    }
    this.integrations.set(record.id, record)
    return this.toJson(record)
  }

  record(id: string): IntegrationRecord {
    const record = this.integrations.get(id)
    if (!record) throw notFound('Integration', id)
    return record
  }

  get(id: string): Json {
    return this.toJson(this.record(id))
  }

  all(): IntegrationRecord[] {
    return [...this.integrations.values()]
  }

  list(query: URLSearchParams): EntityListing<Json> {
    const type = query.get('integrationType')
    const ids = query.getAll('ids').flatMap((v) => v.split(','))
    const items = this.all()
      .filter((i) => (!type || i.typeId === type) && (ids.length === 0 || ids.includes(i.id)))
      .sort((a, b) => a.config.name.localeCompare(b.config.name))
      .map((i) => this.toJson(i))
    return pageOf(items, BASE, query)
  }

  /** PATCH: `intendedState` (and `notes`). `DELETED` deletes. */
  patch(id: string, body: unknown): Json {
    const record = this.record(id)
    const obj = requireObject(body ?? {})
    const state = optionalString(obj, 'intendedState')
    if (state !== undefined) {
      if (!STATES.has(state)) throw badRequest(`intendedState '${state}' is not one of ENABLED, DISABLED, DELETED.`)
      if (state === 'DELETED') return this.delete(id)
      record.intendedState = state as 'ENABLED' | 'DISABLED'
    }
    const notes = optionalString(obj, 'notes')
    if (notes !== undefined) record.notes = notes
    return this.toJson(record)
  }

  delete(id: string): Json {
    const record = this.record(id)
    this.integrations.delete(id)
    for (const listener of this.deleteListeners) listener(id)
    return { ...this.toJson(record), intendedState: 'DELETED' }
  }

  getConfig(id: string): Json {
    return configJson(this.record(id))
  }

  /** PUT config/current: `version` must match; credentials must exist and be of a type the integration accepts. */
  putConfig(id: string, body: unknown): Json {
    const record = this.record(id)
    const obj = requireObject(body)
    const version = optionalNumber(obj, 'version')
    if (version === undefined) throw badRequest("The field 'version' is required.")
    if (version !== record.config.version) throw versionConflict()
    const name = requireString(obj, 'name')
    const credentials: Record<string, { id: string }> = {}
    if (obj.credentials !== undefined && !isRecord(obj.credentials)) throw badRequest("The field 'credentials' must be a map.")
    for (const [key, ref] of Object.entries(isRecord(obj.credentials) ? obj.credentials : {})) {
      if (!isRecord(ref) || typeof ref.id !== 'string') throw badRequest(`Credential '${key}' must be a reference with an 'id'.`)
      const credential = this.credentials.get(ref.id)
      if (!credential) throw badRequest(`Credential ${ref.id} does not exist.`, 'invalid.credential')
      if (this.record(id).typeId === 'purecloud-data-actions' && credential.typeName !== 'pureCloudOAuthClient') {
        throw badRequest(
          `A Genesys Cloud Data Actions integration needs a pureCloudOAuthClient credential, not ${credential.typeName}.`,
          'invalid.credential'
        )
      }
      credentials[key] = { id: ref.id }
    }
    record.config = {
      name,
      version: version + 1,
      properties: isRecord(obj.properties) ? obj.properties : {},
      advanced: isRecord(obj.advanced) ? obj.advanced : {},
      notes: optionalString(obj, 'notes') ?? '',
      credentials
    }
    return configJson(record)
  }

  createCredential(body: unknown): Json {
    const obj = requireObject(body)
    const { typeName, fields } = readCredential(obj)
    const now = isoDate(this.ctx.clock.now())
    const record: CredentialRecord = {
      id: this.ctx.ids.next(),
      name: optionalString(obj, 'name') ?? typeName,
      typeName,
      fields,
      createdDate: now,
      modifiedDate: now
    }
    this.credentials.set(record.id, record)
    return credentialInfo(record)
  }

  getCredential(id: string): Json {
    const record = this.credential(id)
    // Secrets never leave the service; non-secret fields are echoed so a console can show which client is used.
    const visible = Object.fromEntries(Object.entries(record.fields).filter(([k]) => !/secret|password/i.test(k)))
    return {
      id: record.id,
      name: record.name,
      type: credentialType(record.typeName) ?? { name: record.typeName },
      credentialFields: visible,
      selfUri: `${BASE}/credentials/${record.id}`
    }
  }

  listCredentials(query: URLSearchParams): EntityListing<Json> {
    const items = [...this.credentials.values()].sort((a, b) => a.name.localeCompare(b.name)).map(credentialInfo)
    return pageOf(items, `${BASE}/credentials`, query)
  }

  updateCredential(id: string, body: unknown): Json {
    const record = this.credential(id)
    const obj = requireObject(body)
    const { typeName, fields } = readCredential(obj)
    record.typeName = typeName
    record.fields = fields
    record.name = optionalString(obj, 'name') ?? record.name
    record.modifiedDate = isoDate(this.ctx.clock.now())
    return credentialInfo(record)
  }

  deleteCredential(id: string): void {
    const record = this.credential(id)
    const user = this.all().find((i) => Object.values(i.config.credentials).some((c) => c.id === id))
    if (user) throw inUse(`Credential '${record.name}'`, `integration '${user.config.name}'`)
    this.credentials.delete(id)
  }

  credential(id: string): CredentialRecord {
    const record = this.credentials.get(id)
    if (!record) throw notFound('Credential', id)
    return record
  }

  toJson(record: IntegrationRecord): Json {
    const type = integrationType(record.typeId) ?? { id: record.typeId }
    const enabled = record.intendedState === 'ENABLED'
    return {
      id: record.id,
      name: record.config.name,
      integrationType: type,
      notes: record.notes,
      intendedState: record.intendedState,
      config: { current: configJson(record) },
      reportedState: {
        code: enabled ? 'ACTIVE' : 'DISABLED',
        effective: enabled ? 'Active' : 'Inactive',
        lastUpdated: isoDate(this.ctx.clock.now())
      },
      attributes: {},
      selfUri: `${BASE}/${record.id}`
    }
  }
}

function readCredential(obj: Json): { typeName: string; fields: Record<string, string> } {
  const type = obj.type
  if (!isRecord(type) || typeof type.name !== 'string') throw badRequest("The field 'type' with a 'name' is required.")
  const spec = credentialType(type.name)
  if (!spec) throw badRequest(`Credential type '${type.name}' does not exist.`, 'invalid.credential.type')
  const raw = obj.credentialFields
  if (!isRecord(raw)) throw badRequest("The field 'credentialFields' is required.")
  const fields: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') fields[k] = v
  for (const required of (spec.required as string[] | undefined) ?? []) {
    if (!fields[required]) throw badRequest(`The credential field '${required}' is required for ${type.name}.`)
  }
  return { typeName: type.name, fields }
}

function credentialInfo(r: CredentialRecord): Json {
  return {
    id: r.id,
    name: r.name,
    createdDate: r.createdDate,
    modifiedDate: r.modifiedDate,
    type: credentialType(r.typeName) ?? { name: r.typeName },
    selfUri: `${BASE}/credentials/${r.id}`
  }
}

function configJson(r: IntegrationRecord): Json {
  const credentials: Record<string, Json> = {}
  for (const [key, ref] of Object.entries(r.config.credentials))
    credentials[key] = { id: ref.id, selfUri: `${BASE}/credentials/${ref.id}` }
  return { ...structuredClone(r.config), credentials, selfUri: `${BASE}/${r.id}/config/current` }
}
