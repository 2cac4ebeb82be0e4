/**
 * Callable time sets: the weekly windows, each in its own IANA time zone, in which a campaign may dial
 * (`CallableTimeSet {name, callableTimes: [{timeZoneId, timeSlots: [{startTime, stopTime, day}]}]}`). Days run
 * 1 = Monday … 7 = Sunday and times are `HH:mm:ss` (terraform-provider-genesyscloud's
 * `outbound_callabletimeset` schema); the API hands times back with milliseconds (`08:00:00.000`), which the
 * provider trims on read, so the demo org does the same.
 */
import { NamedStore } from '../shared/named-store'
import type { DomainContext } from '../shared/context'
import { isoDate } from '../shared/context'
import { isRecord, requireObject, requireString, type Json } from '../shared/body'
import { invalidCreate, invalidUpdate } from '../shared/errors'

const BASE = '/api/v2/outbound/callabletimesets'
const TIME = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?$/
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

/** One window on one weekday; times are seconds after local midnight, `[start, stop)`. */
export interface TimeSlotRecord {
  readonly day: number
  readonly startTime: string
  readonly stopTime: string
  readonly startSecond: number
  readonly stopSecond: number
}

/** The windows of one time zone. */
export interface CallableTimeRecord {
  readonly timeZoneId: string
  readonly name?: string
  readonly timeSlots: readonly TimeSlotRecord[]
}

/** A stored callable time set. */
export interface CallableTimeSetRecord {
  readonly id: string
  name: string
  version: number
  readonly dateCreated: string
  dateModified: string
  callableTimes: CallableTimeRecord[]
}

/** Callable time set CRUD plus "may a campaign using this set dial now?" for the dialer. */
export class CallableTimeSetStore extends NamedStore<CallableTimeSetRecord> {
  private readonly changeListeners: Array<(id: string) => void> = []

  constructor(private readonly ctx: DomainContext) {
    super('Callable time set', BASE)
  }

  protected toJson(record: CallableTimeSetRecord): Json {
    return toJson(record)
  }

  /** Called after a set's windows change (the dialer re-checks the campaigns using it). */
  onChange(listener: (id: string) => void): void {
    this.changeListeners.push(listener)
  }

  create(body: unknown): Json {
    const obj = requireObject(body)
    const name = requireString(obj, 'name')
    const fail = (d: string): Error => invalidCreate('CallableTimeSet', d)
    if (this.findByName(name)) throw fail(`A callable time set named '${name}' already exists.`)
    const callableTimes = readCallableTimes(obj, fail)
    const now = isoDate(this.ctx.clock.now())
    const record: CallableTimeSetRecord = {
      id: this.ctx.ids.next(),
      name,
      version: 1,
      dateCreated: now,
      dateModified: now,
      callableTimes
    }
    this.records.set(record.id, record)
    this.publish(record)
    return toJson(record)
  }

  update(id: string, body: unknown): Json {
    const obj = requireObject(body)
    const record = this.forUpdate(id, obj)
    const name = requireString(obj, 'name')
    const fail = (d: string): Error => invalidUpdate('CallableTimeSet', d)
    const other = this.findByName(name)
    if (other && other.id !== id) throw fail(`A callable time set named '${name}' already exists.`)
    record.callableTimes = readCallableTimes(obj, fail)
    record.name = name
    record.version += 1
    record.dateModified = isoDate(this.ctx.clock.now())
    this.publish(record)
    for (const listener of this.changeListeners) listener(id)
    return toJson(record)
  }

  /**
   * Milliseconds from `atMs` until the set next allows dialling: 0 while inside a window, undefined when the set
   * is gone. The wait is computed on local wall-clock time and corrected by the zone's offset change (DST) in
   * between; callers re-check when it elapses.
   */
  msUntilOpen(id: string, atMs: number): number | undefined {
    const record = this.records.get(id)
    if (!record) return undefined
    let best: number | undefined
    for (const time of record.callableTimes) {
      const { day, second } = localWeekTime(time.timeZoneId, atMs)
      for (const slot of time.timeSlots) {
        if (slot.day === day && second >= slot.startSecond && second < slot.stopSecond) return 0
        const week = 7 * 86_400
        const wait = ((((slot.day - day) * 86_400 + slot.startSecond - second) % week) + week) % week
        const wallMs = (wait === 0 ? week : wait) * 1000 - (atMs % 1000)
        const ms = Math.max(1, wallMs - (zoneOffsetMs(time.timeZoneId, atMs + wallMs) - zoneOffsetMs(time.timeZoneId, atMs)))
        if (best === undefined || ms < best) best = ms
      }
    }
    return best
  }

  private publish(record: CallableTimeSetRecord): void {
    const json = toJson(record)
    delete json.selfUri
    this.ctx.publish(`v2.outbound.callabletimesets.${record.id}`, { ...json, additionalProperties: {} })
  }
}

/** True for a zone the platform's time zone database knows (an IANA id such as `Europe/London`). */
export function isKnownTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** Weekday (1 = Monday … 7 = Sunday) and seconds after local midnight at `atMs` in `zone`. */
export function localWeekTime(zone: string, atMs: number): { day: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23'
  }).formatToParts(new Date(atMs))
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '0'
  const day = WEEKDAYS.indexOf(part('weekday')) + 1
  return { day, second: Number(part('hour')) * 3600 + Number(part('minute')) * 60 + Number(part('second')) }
}

/** The zone's UTC offset at `atMs` (local wall time − UTC), in ms. */
function zoneOffsetMs(zone: string, atMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23'
  }).formatToParts(new Date(atMs))
  const n = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'))
  return wall - (atMs - (((atMs % 1000) + 1000) % 1000))
}

function readCallableTimes(obj: Json, fail: (details: string) => Error): CallableTimeRecord[] {
  const raw = obj.callableTimes
  if (!Array.isArray(raw) || raw.length === 0) throw fail('callableTimes is required and must list at least one callable time.')
  return raw.map((entry: unknown, i) => {
    if (!isRecord(entry)) throw fail(`callableTimes[${i}] must be an object.`)
    const zone = entry.timeZoneId
    if (typeof zone !== 'string' || zone === '') throw fail(`callableTimes[${i}].timeZoneId is required.`)
    if (!isKnownTimeZone(zone)) throw fail(`'${zone}' is not a valid timeZoneId.`)
    if (!Array.isArray(entry.timeSlots) || entry.timeSlots.length === 0)
      throw fail(`callableTimes[${i}].timeSlots must list at least one time slot.`)
    const timeSlots = entry.timeSlots.map((slot: unknown, j) => readSlot(slot, `callableTimes[${i}].timeSlots[${j}]`, fail))
    return { timeZoneId: zone, ...(typeof entry.name === 'string' ? { name: entry.name } : {}), timeSlots }
  })
}

function readSlot(slot: unknown, where: string, fail: (details: string) => Error): TimeSlotRecord {
  if (!isRecord(slot)) throw fail(`${where} must be an object.`)
  const { day } = slot
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7)
    throw fail(`${where}.day must be 1 (Monday) to 7 (Sunday).`)
  const start = readTime(slot.startTime, `${where}.startTime`, fail)
  const stop = readTime(slot.stopTime, `${where}.stopTime`, fail)
  if (stop.second <= start.second) throw fail(`${where}.stopTime must be after its startTime.`)
  return { day, startTime: start.text, stopTime: stop.text, startSecond: start.second, stopSecond: stop.second }
}

function readTime(value: unknown, where: string, fail: (details: string) => Error): { text: string; second: number } {
  const match = typeof value === 'string' ? TIME.exec(value) : null
  if (!match) throw fail(`${where} must be a time of day as HH:mm:ss.`)
  const [, h, m, s, ms] = match
  const millis = (ms ?? '').padEnd(3, '0')
  return { text: `${h}:${m}:${s}.${millis}`, second: Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(millis) / 1000 }
}

function toJson(r: CallableTimeSetRecord): Json {
  return {
    id: r.id,
    name: r.name,
    dateCreated: r.dateCreated,
    dateModified: r.dateModified,
    version: r.version,
    callableTimes: r.callableTimes.map((t) => ({
      timeSlots: t.timeSlots.map((s) => ({ startTime: s.startTime, stopTime: s.stopTime, day: s.day })),
      ...(t.name !== undefined ? { name: t.name } : {}),
      timeZoneId: t.timeZoneId
    })),
    selfUri: `${BASE}/${r.id}`
  }
}
