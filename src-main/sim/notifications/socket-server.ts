/**
 * The streaming endpoint behind each channel's `connectUri` (`/channels/{id}`): accepts the upgrade only for a
 * live channel, answers `{"message":"ping"}` with a pong, and leaves everything else to the hub.
 */
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { NotificationHub } from './hub'

/** Attaches the WebSocket endpoint to the HTTP server; returns a closer. */
export function attachSocketServer(server: Server, hub: NotificationHub, now: () => number = Date.now): () => Promise<void> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const m = /^\/channels\/([^/]+)$/.exec(path)
    const ch = m ? hub.get(decodeURIComponent(m[1]!)) : undefined
    if (!ch) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      hub.attachSocket(ch, ws)
      ws.on('message', (data) => {
        let msg: unknown
        try {
          msg = JSON.parse(data.toString())
        } catch {
          return
        }
        if (msg && typeof msg === 'object' && (msg as { message?: unknown }).message === 'ping') ch.pong(now())
      })
      ws.on('error', () => ws.terminate())
    })
  }
  server.on('upgrade', onUpgrade)
  return () =>
    new Promise<void>((resolve) => {
      server.off('upgrade', onUpgrade)
      for (const c of wss.clients) c.terminate()
      wss.close(() => resolve())
    })
}
