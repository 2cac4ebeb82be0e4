import type { BridgeServerFrame } from '../src-main/contract/bridge-protocol'
import type { ConsoleApi } from '../src-main/contract/api'
import type { EventName } from '../src-main/contract/names'
import type { Result } from '../src-main/contract/result'

type Listener = (payload: unknown) => void

interface Pending {
  resolve: (result: Result<unknown>) => void
}

/** The bridge also says when it came back after a drop: events pushed meanwhile were lost, so views re-read. */
export interface BridgeApi extends ConsoleApi {
  onReconnect(listener: () => void): () => void
}

/**
 * Web mode's ConsoleApi: the same commands and events as Electron IPC, over one WebSocket to the page's own
 * origin (`./bridge`, below the secret prefix). Reconnects with backoff; calls made while it is down wait
 * for the connection, and calls cut off by a drop resolve to a plain `disconnected` error, never hang.
 */
export function createBridgeApi(baseUrl: string, WebSocketImpl: typeof WebSocket = WebSocket): BridgeApi {
  const url = new URL('bridge', baseUrl)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  const listeners = new Map<string, Set<Listener>>()
  const pending = new Map<number, Pending>()
  const queue: string[] = []
  let nextId = 1
  let socket: WebSocket | null = null
  let attempt = 0
  let opened = false
  const reconnectListeners = new Set<() => void>()

  const connect = (): void => {
    const ws = new WebSocketImpl(url.href)
    socket = ws
    ws.onopen = () => {
      attempt = 0
      for (const frame of queue.splice(0)) ws.send(frame)
      if (opened) for (const listener of reconnectListeners) listener()
      opened = true
    }
    ws.onmessage = (message: MessageEvent) => {
      let frame: BridgeServerFrame
      try {
        frame = JSON.parse(String(message.data)) as BridgeServerFrame
      } catch {
        return
      }
      if (frame.type === 'result') {
        pending.get(frame.id)?.resolve(frame.result as Result<unknown>)
        pending.delete(frame.id)
      } else {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload)
      }
    }
    ws.onclose = () => {
      socket = null
      for (const [id, call] of pending) {
        call.resolve({ ok: false, error: { code: 'disconnected', message: 'Lost the connection to the console. Trying again…' } })
        pending.delete(id)
      }
      const delay = Math.min(10_000, 250 * 2 ** attempt++) * (0.5 + Math.random() / 2)
      setTimeout(connect, delay)
    }
  }
  connect()

  return {
    invoke(command, input) {
      const id = nextId++
      const frame = JSON.stringify({ type: 'invoke', id, command, input })
      return new Promise((resolve) => {
        pending.set(id, { resolve: resolve as Pending['resolve'] })
        if (socket && socket.readyState === WebSocketImpl.OPEN) socket.send(frame)
        else queue.push(frame)
      })
    },
    on(event: EventName, listener) {
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      set.add(listener as Listener)
      return () => void set.delete(listener as Listener)
    },
    onReconnect(listener) {
      reconnectListeners.add(listener)
      return () => void reconnectListeners.delete(listener)
    }
  }
}
