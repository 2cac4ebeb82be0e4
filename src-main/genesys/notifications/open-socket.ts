/**
 * Opens the WebSocket behind a channel's `connectUri` (the SDK has no WebSocket client; `ws` is ours) and
 * resolves only once it is open, so callers can treat "connected" as a fact. A refused upgrade (the channel
 * expired or was replaced) is told apart from a network failure, because the first needs a new channel.
 */
import WebSocket from 'ws'

/** Why a socket could not be opened. */
export type OpenFailure =
  { readonly kind: 'channel-gone'; readonly status: number } | { readonly kind: 'network'; readonly message: string }

type Early = {
  readonly buffer: Array<[WebSocket.RawData, boolean]>
  readonly listener: (data: WebSocket.RawData, isBinary: boolean) => void
}

const early = new WeakMap<WebSocket, Early>()

/**
 * Hands over frames that arrived between `open` and the owner attaching its own listener (a server may send
 * at once, in the same packet as the handshake), and stops buffering.
 */
export function takeEarlyMessages(ws: WebSocket): Array<[WebSocket.RawData, boolean]> {
  const e = early.get(ws)
  if (!e) return []
  ws.off('message', e.listener)
  early.delete(ws)
  return e.buffer
}

/** Opens `url`; rejects with an `OpenFailure` (never a raw error). */
export function openSocket(url: string, timeoutMs: number, signal?: AbortSignal): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { handshakeTimeout: timeoutMs, maxPayload: 8 * 1024 * 1024, perMessageDeflate: false })
    const buffer: Array<[WebSocket.RawData, boolean]> = []
    const listener = (data: WebSocket.RawData, isBinary: boolean): void => void buffer.push([data, isBinary])
    early.set(ws, { buffer, listener })
    ws.on('message', listener)
    let settled = false
    const finish = (failure: OpenFailure | null): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      ws.off('open', onOpen)
      ws.off('error', onError)
      ws.off('unexpected-response', onUnexpected)
      if (failure === null) return resolve(ws)
      ws.on('error', () => undefined)
      ws.terminate()
      reject(failure)
    }
    const onOpen = (): void => finish(null)
    const onError = (e: Error): void => finish({ kind: 'network', message: e.message })
    const onUnexpected = (_req: unknown, res: { statusCode?: number }): void => {
      const status = res.statusCode ?? 0
      finish(
        status === 404 || status === 410 || status === 401 || status === 403
          ? { kind: 'channel-gone', status }
          : { kind: 'network', message: `HTTP ${status}` }
      )
    }
    const onAbort = (): void => finish({ kind: 'network', message: 'cancelled' })
    ws.on('open', onOpen)
    ws.on('error', onError)
    ws.on('unexpected-response', onUnexpected)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** True for the values `openSocket` rejects with. */
export function isOpenFailure(e: unknown): e is OpenFailure {
  return (
    typeof e === 'object' && e !== null && ((e as OpenFailure).kind === 'channel-gone' || (e as OpenFailure).kind === 'network')
  )
}
