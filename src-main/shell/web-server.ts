import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { BRIDGE_PATH } from '../contract/bridge-protocol'
import type { ConsoleHost } from '../host/console-host'
import { BridgeServer } from './bridge-server'
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_CSP } from './csp'
import { readStaticFile } from './static-files'
import { checkWebRequest } from './web-guard'

export interface WebServerOptions {
  readonly host: ConsoleHost
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string
  /** 0 picks a free port. */
  readonly port: number
  readonly log: (line: string) => void
  /** Fixed secret for tests; a fresh random one otherwise. */
  readonly secret?: string
}

export interface WebServer {
  /** The one URL to open: it carries the per-launch secret. */
  readonly url: string
  readonly port: number
  readonly secret: string
  close(): Promise<void>
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_CSP}`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store'
}

/**
 * Serves the built renderer and the bridge on 127.0.0.1 only. Anything without the secret, from a foreign
 * origin or naming another host gets a bare 403 — no page, no hint.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const secret = options.secret ?? randomBytes(24).toString('base64url')
  const bridge = new BridgeServer(options.host, options.log)
  let port = options.port

  const forbid = (res: ServerResponse): void => {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end('Forbidden')
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const decision = checkWebRequest(req, port, secret)
    if (!decision.allowed) return forbid(res)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' })
      return void res.end()
    }
    if (!req.url?.split('?')[0].endsWith('/') && decision.subPath === '') {
      res.writeHead(308, { Location: `/s/${secret}/` })
      return void res.end()
    }
    void readStaticFile(options.rendererDir, decision.subPath).then((file) => {
      if (!file) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
        return void res.end('Not found')
      }
      res.writeHead(200, { 'Content-Type': file.contentType, ...SECURITY_HEADERS })
      res.end(req.method === 'HEAD' ? undefined : file.body)
    })
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const decision = checkWebRequest(req, port, secret)
    if (!decision.allowed || decision.subPath !== BRIDGE_PATH) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    bridge.handleUpgrade(req, socket, head)
  })

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolvePromise())
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/s/${secret}/`,
    port,
    secret,
    async close() {
      bridge.dispose()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    }
  }
}
