/**
 * The contacts of one list and its dial queue. Priority contacts (`?priority=true`) are dialled before every
 * ordinary one, each group first-in first-out; re-queueing a contact issues a new ticket so stale queue entries are
 * skipped lazily (O(1) per add and per dial, even with 10,000 contacts).
 */
import type { DomainContext } from '../shared/context'
import { isoDate } from '../shared/context'
import { isRecord, type Json } from '../shared/body'
import { badRequest, notFound } from '../shared/errors'
import type { AddContactsOptions, ContactListRecord, ContactRecord } from './contact-list-types'

interface QueueEntry {
  readonly id: string
  readonly ticket: number
}

class Fifo {
  private items: QueueEntry[] = []
  private head = 0
  push(entry: QueueEntry): void {
    this.items.push(entry)
  }
  shift(): QueueEntry | undefined {
    if (this.head >= this.items.length) return undefined
    const entry = this.items[this.head++]
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return entry
  }
  clear(): void {
    this.items = []
    this.head = 0
  }
}

/** One list's contacts and priority-first dial queue. */
export class ContactBook {
  private readonly contacts = new Map<string, ContactRecord>()
  private readonly priority = new Fifo()
  private readonly normal = new Fifo()
  private tickets = 0
  private called = 0

  constructor(
    private readonly list: ContactListRecord,
    private readonly ctx: DomainContext
  ) {}

  size(): number {
    return this.contacts.size
  }

  /** Contacts dialled at least once (campaign progress). */
  calledCount(): number {
    return this.called
  }

  /** The dialer placed a call to this contact. */
  markAttempted(contact: ContactRecord): void {
    if (contact.attempts === 0) this.called += 1
    contact.attempts += 1
  }

  /** Recycles the list (DELETE campaign progress): forgets attempts and queues every callable contact again. */
  recycle(): void {
    this.called = 0
    for (const contact of this.contacts.values()) {
      contact.attempts = 0
      contact.callRecords = {}
      if (contact.callable) this.enqueue(contact, false)
    }
  }

  find(id: string): ContactRecord | undefined {
    return this.contacts.get(id)
  }

  get(id: string): ContactRecord {
    const contact = this.contacts.get(id)
    if (!contact) throw notFound('Contact', id)
    return contact
  }

  all(): IterableIterator<ContactRecord> {
    return this.contacts.values()
  }

  /** Validates every item first, then applies them all (a bad item rejects the whole request, as the API does). */
  add(items: unknown[], options: AddContactsOptions): ContactRecord[] {
    const parsed = items.map((item, index) => this.parseWritable(item, index))
    return parsed.map(({ id, data, callable }) => {
      const existing = id !== undefined ? this.contacts.get(id) : undefined
      if (existing) {
        existing.data = data
        if (callable !== undefined) existing.callable = callable
        if (options.clearSystemData) {
          existing.callRecords = {}
          if (existing.attempts > 0) this.called -= 1
          existing.attempts = 0
          existing.callable = callable ?? true
          existing.phoneNumberStatus = {}
        }
        if (!options.doNotQueue) this.enqueue(existing, options.priority)
        return existing
      }
      const contact: ContactRecord = {
        id: id ?? this.ctx.ids.next(),
        contactListId: this.list.id,
        data,
        callable: callable ?? true,
        phoneNumberStatus: {},
        callRecords: {},
        dateCreated: isoDate(this.ctx.clock.now()),
        queued: false,
        ticket: 0,
        attempts: 0
      }
      this.contacts.set(contact.id, contact)
      this.enqueue(contact, options.priority)
      return contact
    })
  }

  /** PUT of one contact: replaces `data`, and `callable` / `phoneNumberStatus` when given. */
  update(id: string, body: Json): ContactRecord {
    const contact = this.get(id)
    const { data, callable } = this.parseWritable(body, 0)
    contact.data = data
    if (callable !== undefined) {
      const wasCallable = contact.callable
      contact.callable = callable
      if (callable && !wasCallable && contact.attempts === 0 && !contact.queued) this.enqueue(contact, false)
    }
    if (isRecord(body.phoneNumberStatus)) {
      const status: Record<string, { callable: boolean }> = {}
      for (const [column, value] of Object.entries(body.phoneNumberStatus)) {
        if (isRecord(value) && typeof value.callable === 'boolean') status[column] = { callable: value.callable }
      }
      contact.phoneNumberStatus = status
    }
    return contact
  }

  remove(ids: readonly string[], strict: boolean): void {
    if (strict) for (const id of ids) if (!this.contacts.has(id)) throw notFound('Contact', id)
    for (const id of ids) {
      const contact = this.contacts.get(id)
      if (contact && contact.attempts > 0) this.called -= 1
      this.contacts.delete(id)
    }
  }

  clear(): void {
    this.called = 0
    this.contacts.clear()
    this.priority.clear()
    this.normal.clear()
  }

  /** Takes the next contact to dial (priority first), skipping stale, uncallable or rejected entries. */
  takeNext(accept: (contact: ContactRecord) => boolean = () => true): ContactRecord | undefined {
    for (;;) {
      const entry = this.priority.shift() ?? this.normal.shift()
      if (!entry) return undefined
      const contact = this.contacts.get(entry.id)
      if (!contact || !contact.queued || contact.ticket !== entry.ticket) continue
      contact.queued = false
      if (!contact.callable || !accept(contact)) continue
      return contact
    }
  }

  private enqueue(contact: ContactRecord, priority: boolean): void {
    contact.queued = true
    contact.ticket = ++this.tickets
    ;(priority ? this.priority : this.normal).push({ id: contact.id, ticket: contact.ticket })
  }

  private parseWritable(item: unknown, index: number): { id?: string; data: Record<string, string>; callable?: boolean } {
    if (!isRecord(item)) throw badRequest(`Contact ${index}: each contact must be a JSON object.`)
    if (!isRecord(item.data)) throw badRequest(`Contact ${index}: the field 'data' is required and must be an object.`)
    const data: Record<string, string> = {}
    for (const [column, value] of Object.entries(item.data)) {
      if (!this.list.columnNames.includes(column)) {
        throw badRequest(
          `Contact ${index}: column '${column}' is not a column of contact list '${this.list.name}'.`,
          'contact.column.not.found'
        )
      }
      if (typeof value === 'string') data[column] = value
      else if (typeof value === 'number' || typeof value === 'boolean') data[column] = String(value)
      else if (value !== null) throw badRequest(`Contact ${index}: the value of column '${column}' must be a string.`)
    }
    if (item.id !== undefined && typeof item.id !== 'string') throw badRequest(`Contact ${index}: 'id' must be a string.`)
    if (item.callable !== undefined && typeof item.callable !== 'boolean')
      throw badRequest(`Contact ${index}: 'callable' must be a boolean.`)
    return {
      ...(typeof item.id === 'string' && item.id !== '' ? { id: item.id } : {}),
      data,
      ...(typeof item.callable === 'boolean' ? { callable: item.callable } : {})
    }
  }
}
