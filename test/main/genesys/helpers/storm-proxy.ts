/**
 * A loopback HTTP proxy in front of a demo org that answers a share of Platform API requests with
 * `429 Retry-After: 1` (a short storm as Genesys Cloud sends them when the per-minute window is nearly reset),
 * passing everything else through. Used where the demo org's own storm switch sends the window's full reset.
 */
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StormProxy {
  readonly baseUrl: string
  share: number
  limited: number
  close(): Promise<void>
}

export async function startStormProxy(targetBaseUrl: string, random: () => number): Promise<StormProxy> {
  const target = new URL(targetBaseUrl)
  const state = { share: 0, limited: 0 }
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v2/') && state.share > 0 && random() < state.share) {
      state.limited++
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' })
      res.end(
        JSON.stringify({
          status: 429,
          code: 'too.many.requests.retry.after',
          message: 'Rate limit exceeded the maximum. Retry the request in [1] seconds'
        })
      )
      req.resume()
      return
    }
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get share() {
      return state.share
    },
    set share(v: number) {
      state.share = v
    },
    get limited() {
      return state.limited
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}
