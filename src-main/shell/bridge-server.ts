import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { bridgeRequestSchema, type BridgeServerFrame } from '../contract/bridge-protocol'
import { dispatchCommand } from '../contract/dispatch'
import { err } from '../contract/result'
import { DisposableStore, toDisposable, type Disposable } from '../core/disposable'
import type { ConsoleHost } from '../host/console-host'

/** Largest frame a renderer may send; commands are small, so anything bigger is hostile or a bug. */
const MAX_FRAME_BYTES = 256 * 1024

/**
 * Web mode's stand-in for Electron IPC: one WebSocket per open tab, carrying the same typed commands (validated
 * by the same dispatcher) and the same pushed events. Upgrades are accepted only after the web guard passed.
 */
export class BridgeServer implements Disposable {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  private readonly store = new DisposableStore()

  constructor(
    private readonly host: ConsoleHost,
    private readonly log: (line: string) => void
  ) {
    this.store.add(
      host.onEvent(({ event, payload }) => {
        const frame = JSON.stringify({ type: 'event', event, payload } satisfies BridgeServerFrame)
        for (const client of this.wss.clients) if (client.readyState === client.OPEN) client.send(frame)
      })
    )
    this.store.add(toDisposable(() => this.closeAll()))
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws))
  }

  get clientCount(): number {
    return this.wss.clients.size
  }

  private attach(ws: WebSocket): void {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only')
      void this.onFrame(ws, data.toString())
    })
    ws.on('error', (e: unknown) => this.log(`[Bridge] socket error: ${e instanceof Error ? e.message : String(e)}`))
  }

  private async onFrame(ws: WebSocket, text: string): Promise<void> {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      this.log('[Bridge] dropped a frame that was not JSON')
      return
    }
    const request = bridgeRequestSchema.safeParse(json)
    if (!request.success) {
      const id = typeof (json as { id?: unknown })?.id === 'number' ? (json as { id: number }).id : -1
      this.send(ws, { type: 'result', id, result: err('invalid-input', 'The request was not understood.') })
      return
    }
    const { id, command, input } = request.data
    const result = await dispatchCommand(this.host.handlers, command, input, this.log)
    this.send(ws, { type: 'result', id, result })
  }

  private send(ws: WebSocket, frame: BridgeServerFrame): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
  }

  private closeAll(): void {
    for (const client of this.wss.clients) client.terminate()
    this.wss.close()
  }

  dispose(): void {
    this.store.dispose()
  }
}
