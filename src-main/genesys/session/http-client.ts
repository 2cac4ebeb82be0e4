/**
 * The HTTP client every session's ApiClient uses: the SDK's own axios client, plus an AbortSignal on every
 * request so a gateway call (or a whole session, on sign-out) can be cancelled mid-flight. The signal of the
 * current gateway call travels through `AsyncLocalStorage`, because the SDK's generated methods have no
 * per-call hook of their own.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import platformClient from 'purecloud-platform-client-v2'

interface RequestOptionsLike {
  readonly url: string
  readonly method: string
}

interface DefaultHttpClientLike {
  toAxiosConfig(options: RequestOptionsLike): Record<string, unknown>
  _axiosInstance: { request(config: Record<string, unknown>): Promise<unknown> }
}

type DefaultHttpClientCtor = new (timeout?: number) => DefaultHttpClientLike

const DefaultHttpClient = (platformClient as unknown as { DefaultHttpClient: DefaultHttpClientCtor }).DefaultHttpClient

const callContext = new AsyncLocalStorage<AbortSignal>()

/** Runs `fn` so that every SDK request it starts is aborted when `signal` is. */
export function runWithSignal<T>(signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
  return callContext.run(signal, fn)
}

/** An SDK-compatible HTTP client whose requests honour the current call's signal and the session's signal. */
export class CancellableHttpClient extends DefaultHttpClient {
  constructor(
    private readonly sessionSignal: () => AbortSignal,
    timeoutMs = 16_000
  ) {
    super(timeoutMs)
  }

  request(options: RequestOptionsLike): Promise<unknown> {
    const config = this.toAxiosConfig(options)
    const call = callContext.getStore()
    const session = this.sessionSignal()
    config.signal = call ? AbortSignal.any([call, session]) : session
    return this._axiosInstance.request(config)
  }
}
