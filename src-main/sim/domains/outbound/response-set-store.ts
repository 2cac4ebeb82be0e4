/**
 * Call analysis response sets (CARS): what the dialer does with each call-analysis disposition, e.g.
 * `disposition.classification.callable.person` → `transfer_flow` to the outbound flow.
 */
import { NamedStore } from '../shared/named-store'
import type { DomainContext } from '../shared/context'
import { isoDate } from '../shared/context'
import { isRecord, optionalBoolean, optionalString, requireObject, requireString, type Json } from '../shared/body'
import { invalidCreate, invalidUpdate } from '../shared/errors'

/** Every disposition key the API accepts (blueprint.md §6.1; terraform's block names). */
export const DISPOSITIONS = [
  'callable.person',
  'callable.machine',
  'callable.busy',
  'callable.noanswer',
  'callable.fax',
  'callable.sit',
  'callable.disconnect',
  'callable.lineconnected',
  'uncallable.sit',
  'uncallable.notfound'
] as const
/** A call-analysis disposition without its `disposition.classification.` prefix. */
export type Disposition = (typeof DISPOSITIONS)[number]

const REACTION_TYPES = new Set(['hangup', 'transfer', 'transfer_flow', 'play_file'])
const LIVE_SPEAKER = new Set(['Disabled', 'Low', 'Medium', 'High'])
const BASE = '/api/v2/outbound/callanalysisresponsesets'

/** What to do with one disposition. */
export interface ReactionRecord {
  readonly reactionType: string
  readonly data?: string
  readonly name?: string
}

/** A stored response set. */
export interface ResponseSetRecord {
  readonly id: string
  name: string
  version: number
  readonly dateCreated: string
  dateModified: string
  responses: Record<string, ReactionRecord>
  beepDetectionEnabled: boolean
  amdSpeechDistinguishEnabled: boolean
  liveSpeakerDetectionMode: string
}

/** Validates a `transfer_flow` target; returns an error sentence when the flow is unusable. */
export type FlowCheck = (flowId: string) => string | undefined

/** Response sets CRUD plus the reaction lookup the dialer needs. */
export class ResponseSetStore extends NamedStore<ResponseSetRecord> {
  private flowCheck: FlowCheck = () => undefined

  constructor(private readonly ctx: DomainContext) {
    super('Call analysis response set', BASE)
  }

  protected toJson(record: ResponseSetRecord): Json {
    return toJson(record)
  }

  setFlowCheck(check: FlowCheck): void {
    this.flowCheck = check
  }

  create(body: unknown): Json {
    const obj = requireObject(body)
    const name = requireString(obj, 'name')
    if (this.findByName(name)) throw invalidCreate('ResponseSet', `A response set named '${name}' already exists.`)
    const fields = this.readFields(obj, (d) => invalidCreate('ResponseSet', d))
    const now = isoDate(this.ctx.clock.now())
    const record: ResponseSetRecord = {
      id: this.ctx.ids.next(),
      name,
      version: 1,
      dateCreated: now,
      dateModified: now,
      ...fields
    }
    this.records.set(record.id, record)
    this.publish(record)
    return toJson(record)
  }

  update(id: string, body: unknown): Json {
    const obj = requireObject(body)
    const record = this.forUpdate(id, obj)
    const name = requireString(obj, 'name')
    const other = this.findByName(name)
    if (other && other.id !== id) throw invalidUpdate('ResponseSet', `A response set named '${name}' already exists.`)
    Object.assign(
      record,
      this.readFields(obj, (d) => invalidUpdate('ResponseSet', d)),
      { name }
    )
    record.version += 1
    record.dateModified = isoDate(this.ctx.clock.now())
    this.publish(record)
    return toJson(record)
  }

  /** The reaction configured for a disposition (`hangup` when the set has none for it). */
  reaction(id: string, disposition: Disposition): ReactionRecord {
    return this.records.get(id)?.responses[`disposition.classification.${disposition}`] ?? { reactionType: 'hangup' }
  }

  private readFields(
    obj: Json,
    fail: (details: string) => Error
  ): Omit<ResponseSetRecord, 'id' | 'name' | 'version' | 'dateCreated' | 'dateModified'> {
    if (!isRecord(obj.responses)) throw fail('responses is required and must be a map of dispositions to reactions.')
    const responses: Record<string, ReactionRecord> = {}
    for (const [key, raw] of Object.entries(obj.responses)) {
      const short = key.replace(/^disposition\.classification\./, '')
      if (!key.startsWith('disposition.classification.') || !(DISPOSITIONS as readonly string[]).includes(short)) {
        throw fail(`'${key}' is not a call analysis disposition.`)
      }
      if (!isRecord(raw) || typeof raw.reactionType !== 'string' || !REACTION_TYPES.has(raw.reactionType)) {
        throw fail(`the reaction for '${key}' needs a reactionType of hangup, transfer, transfer_flow or play_file.`)
      }
      const data = typeof raw.data === 'string' ? raw.data : undefined
      if (raw.reactionType === 'transfer_flow') {
        if (!data) throw fail(`the transfer_flow reaction for '${key}' needs the outbound flow id in 'data'.`)
        const problem = this.flowCheck(data)
        if (problem) throw fail(problem)
      }
      responses[key] = {
        reactionType: raw.reactionType,
        ...(data !== undefined ? { data } : {}),
        ...(typeof raw.name === 'string' ? { name: raw.name } : {})
      }
    }
    const mode = optionalString(obj, 'liveSpeakerDetectionMode') ?? 'Disabled'
    if (!LIVE_SPEAKER.has(mode)) throw fail(`liveSpeakerDetectionMode '${mode}' is not one of Disabled, Low, Medium, High.`)
    return {
      responses,
      beepDetectionEnabled: optionalBoolean(obj, 'beepDetectionEnabled') ?? false,
      amdSpeechDistinguishEnabled: optionalBoolean(obj, 'amdSpeechDistinguishEnabled') ?? true,
      liveSpeakerDetectionMode: mode
    }
  }

  private publish(record: ResponseSetRecord): void {
    this.ctx.publish(`v2.outbound.responsesets.${record.id}`, { ...toJson(record), additionalProperties: {} })
  }
}

function toJson(r: ResponseSetRecord): Json {
  return {
    id: r.id,
    name: r.name,
    dateCreated: r.dateCreated,
    dateModified: r.dateModified,
    version: r.version,
    responses: structuredClone(r.responses),
    beepDetectionEnabled: r.beepDetectionEnabled,
    amdSpeechDistinguishEnabled: r.amdSpeechDistinguishEnabled,
    liveSpeakerDetectionMode: r.liveSpeakerDetectionMode,
    selfUri: `${BASE}/${r.id}`
  }
}
