/**
 * The provisioning engine's door to the Platform API: every call goes through the session's Gateway (rate
 * budget, 429/Retry-After, retries of idempotent calls), reads and writes are counted separately so "a second
 * apply makes zero writes" is checkable, and a failed call becomes a `StepFailure` the engine turns into a
 * value at its boundary (apply / verify / teardown never throw for an API refusal).
 */
import type { ApiError, ApiResult, Gateway, PlatformApis } from '../gateway-types'

/** An API refusal inside an engine step; caught by the engine and reported as a value. */
export class StepFailure extends Error {
  constructor(
    readonly apiError: ApiError,
    readonly endpoint: string
  ) {
    super(apiError.message)
    this.name = 'StepFailure'
  }
}

/** Calls made by one engine run. */
export interface CallTally {
  reads: number
  writes: number
  /** Flow YAML uploads to the job's upload URL (not Platform API calls, but they change the org). */
  uploads: number
  /** Permission probes: write endpoints asked with a body that cannot change anything. */
  probes: number
}

/** A page of a Genesys entity listing. */
export interface Listing<T> {
  readonly entities?: T[]
  readonly pageCount?: number
  readonly pageNumber?: number
}

const WRITE = /^(POST|PUT|PATCH|DELETE)\b/

/**
 * An id no object has: permission probes and verify's data-action tests use it where a path or input needs an
 * id, so the call reaches the API (and its permission check) without touching anything real.
 */
export const PROBE_ID = '00000000-0000-4000-8000-000000000000'

/** One engine run's view of the gateway, with its own call tally. */
export class ProvisioningApi {
  readonly tally: CallTally = { reads: 0, writes: 0, uploads: 0, probes: 0 }

  constructor(private readonly gateway: Gateway) {}

  /** A call whose failure is a value (e.g. a 404 that means "absent"). */
  async call<T>(
    endpoint: string,
    run: (apis: PlatformApis) => Promise<T>,
    options: { idempotent?: boolean } = {}
  ): Promise<ApiResult<T>> {
    const write = WRITE.test(endpoint)
    if (write) this.tally.writes++
    else this.tally.reads++
    return this.gateway.call(endpoint, run, { idempotent: options.idempotent ?? !write })
  }

  /** A permission probe (see permission-probe.ts): never retried, counted apart from real writes. */
  async probe<T>(endpoint: string, run: (apis: PlatformApis) => Promise<T>): Promise<ApiResult<T>> {
    this.tally.probes++
    return this.gateway.call(endpoint, run, { idempotent: false })
  }

  /** A call that must succeed; a refusal becomes a StepFailure. */
  async must<T>(endpoint: string, run: (apis: PlatformApis) => Promise<T>, options: { idempotent?: boolean } = {}): Promise<T> {
    const result = await this.call(endpoint, run, options)
    if (!result.ok) throw new StepFailure(result.error, endpoint)
    return result.value
  }

  /** Every entity of a paged listing (pages of 100). */
  async listAll<T>(endpoint: string, page: (apis: PlatformApis, pageNumber: number) => Promise<Listing<T>>): Promise<T[]> {
    const all: T[] = []
    for (let n = 1; n <= 50; n++) {
      const listing = await this.must(endpoint, (apis) => page(apis, n))
      all.push(...(listing.entities ?? []))
      if ((listing.pageCount ?? 1) <= n || (listing.entities ?? []).length === 0) break
    }
    return all
  }
}

/** True for a 404 (the object is simply not there). */
export function isNotFound(result: ApiResult<unknown>): boolean {
  return !result.ok && (result.error.status === 404 || result.error.code === 'not-found')
}
