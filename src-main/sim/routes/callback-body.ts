/**
 * Validation of callback request bodies (`CreateCallbackCommand`, `PatchCallbackRequest`) with Genesys'
 * lenient JSON binding: scalar numbers are coerced to strings (which is how the blueprint's unquoted phone
 * number loses its `+`), anything structurally wrong is a 400 naming the field.
 */
import { badRequest, optionalString, parseInstant, requireObject, requireString } from '../http/errors'
import type { CreateCallbackInput } from '../org/conversation-store'

/** Coerces a JSON scalar to a string like Jackson does; objects/arrays are rejected. */
export function scalarString(v: unknown, field: string): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  throw badRequest(`The field '${field}' must be a string.`, 'invalid.value', field)
}

function numbers(v: unknown, field: string, validate: boolean): string[] {
  if (!Array.isArray(v) || v.length === 0)
    throw badRequest(`The field '${field}' must be a non-empty array of phone numbers.`, 'invalid.value', field)
  const out = v.map((x, i) => scalarString(x, `${field}[${i}]`).trim())
  for (const n of out) {
    if (n.length === 0) throw badRequest(`The field '${field}' contains an empty phone number.`, 'invalid.value', field)
    if (validate && !/^\+?[0-9]{6,15}$/.test(n.replace(/[\s\-().]/g, ''))) {
      throw badRequest(`The phone number '${n}' is not valid.`, 'invalid.phone.number', field)
    }
  }
  return out
}

function stringMap(v: unknown, field: string): Record<string, string> {
  if (v === undefined || v === null) return {}
  const o = requireObject(v, field)
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, x === null ? '' : scalarString(x, `${field}.${k}`)]))
}

/** Parses `CreateCallbackCommand` into the store input (queue from `queueId` or `routingData.queueId`). */
export function parseCreateCallback(body: unknown): CreateCallbackInput {
  const o = requireObject(body)
  const routingData =
    o.routingData === undefined || o.routingData === null ? undefined : requireObject(o.routingData, 'routingData')
  const queueId = optionalString(o, 'queueId') ?? (routingData ? requireString(routingData, 'queueId') : undefined)
  if (!queueId) throw badRequest('Either queueId or routingData.queueId is required.', 'invalid.value', 'queueId')
  const validate = o.validateCallbackNumbers === true
  const scheduled = optionalString(o, 'callbackScheduledTime')
  const priority = routingData?.priority
  if (priority !== undefined && (typeof priority !== 'number' || !Number.isInteger(priority))) {
    throw badRequest('routingData.priority must be an integer.', 'invalid.value', 'routingData.priority')
  }
  const skillIds = routingData?.skillIds
  const input: CreateCallbackInput = {
    queueId,
    callbackNumbers: numbers(o.callbackNumbers, 'callbackNumbers', validate),
    data: stringMap(o.data, 'data'),
    ...(scheduled !== undefined ? { callbackScheduledTime: parseInstant(scheduled, 'callbackScheduledTime') } : {}),
    ...(typeof priority === 'number' ? { priority } : {}),
    ...(Array.isArray(skillIds) ? { skillIds: skillIds.map((s, i) => scalarString(s, `routingData.skillIds[${i}]`)) } : {})
  }
  for (const f of ['callbackUserName', 'scriptId', 'callerId', 'callerIdName', 'countryCode'] as const) {
    const v = optionalString(o, f)
    if (v !== undefined) input[f] = v
  }
  const languageId = routingData ? optionalString(routingData, 'languageId') : undefined
  if (languageId) input.languageId = languageId
  return input
}

/** A parsed `PatchCallbackRequest`. */
export interface PatchCallbackInput {
  conversationId: string
  queueId?: string
  callbackScheduledTime?: number
  callbackNumbers?: string[]
}

/** Parses `PatchCallbackRequest` (`agentId` is accepted but not required, see genesys-api.md §10.3). */
export function parsePatchCallback(body: unknown): PatchCallbackInput {
  const o = requireObject(body)
  const conversationId = requireString(o, 'conversationId')
  const scheduled = optionalString(o, 'callbackScheduledTime')
  const queueId = optionalString(o, 'queueId')
  const out: PatchCallbackInput = { conversationId }
  if (scheduled !== undefined) out.callbackScheduledTime = parseInstant(scheduled, 'callbackScheduledTime')
  if (queueId !== undefined) out.queueId = queueId
  if (o.callbackNumbers !== undefined && o.callbackNumbers !== null) {
    out.callbackNumbers = numbers(o.callbackNumbers, 'callbackNumbers', o.validateCallbackNumbers === true)
  }
  return out
}
