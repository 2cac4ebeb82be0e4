/**
 * The skeleton the outbound "named, versioned object" stores share (call analysis response sets, callable time
 * sets, contact lists): lookup with a Genesys 404, case-insensitive name lookup, the name-filtered and paged listing, the
 * `version` check of a PUT, and delete refused while something uses the object.
 */
import { optionalNumber, type Json } from './body'
import { badRequest, inUse, notFound, versionConflict } from './errors'
import { outboundNameMatches, pageOf, type EntityListing } from './listing'

/** What every record of such a store has. */
export interface NamedRecord {
  readonly id: string
  name: string
  version: number
}

export abstract class NamedStore<R extends NamedRecord> {
  protected readonly records = new Map<string, R>()
  private usage: (id: string) => string | undefined = () => undefined

  /** `what` names the object in errors ("Callable time set"); `base` is the listing's path. */
  constructor(
    private readonly what: string,
    private readonly base: string
  ) {}

  protected abstract toJson(record: R): Json

  /** Which records a listing keeps: the outbound `name` + `filterType` filter; stores add their own parameters. */
  protected listFilter(query: URLSearchParams): (record: R) => boolean {
    return (record) => outboundNameMatches(record.name, query)
  }

  /** Who uses an object (a campaign's name), or undefined; delete is refused while it is used. */
  setUsageCheck(check: (id: string) => string | undefined): void {
    this.usage = check
  }

  get(id: string): Json {
    return this.toJson(this.record(id))
  }

  record(id: string): R {
    const record = this.records.get(id)
    if (!record) throw notFound(this.what, id)
    return record
  }

  has(id: string): boolean {
    return this.records.has(id)
  }

  findByName(name: string): R | undefined {
    for (const r of this.records.values()) if (r.name.toLowerCase() === name.toLowerCase()) return r
    return undefined
  }

  list(query: URLSearchParams): EntityListing<Json> {
    const items = [...this.records.values()]
      .filter(this.listFilter(query))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((r) => this.toJson(r))
    return pageOf(items, this.base, query)
  }

  /** Removes the object (409 while something uses it) and returns what was removed. */
  delete(id: string): R {
    const record = this.record(id)
    const user = this.usage(id)
    if (user) throw inUse(`${this.what} '${record.name}'`, user)
    this.records.delete(id)
    return record
  }

  /** The record a PUT addresses, after checking the body's `version` against it (400 when absent, 409 when stale). */
  protected forUpdate(id: string, obj: Record<string, unknown>): R {
    const record = this.record(id)
    const version = optionalNumber(obj, 'version')
    if (version === undefined) throw badRequest("The field 'version' is required for updates.")
    if (version !== record.version) throw versionConflict()
    return record
  }
}
