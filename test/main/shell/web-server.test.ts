import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startWebServer, type WebServer } from '../../../src-main/shell/web-server'
import { createTestHost } from '../../helpers/host'

/** A raw GET so tests control Host and Origin exactly (fetch forbids setting them). */
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {}
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

function openBridge(url: string, origin: string): Promise<{ ws: WebSocket; status: number | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { origin })
    ws.once('open', () => resolve({ ws, status: 101 }))
    ws.once('unexpected-response', (_req, res) => resolve({ ws, status: res.statusCode ?? null }))
    ws.once('error', () => resolve({ ws, status: null }))
  })
}

describe('web mode server', () => {
  let dir: string
  let server: WebServer
  const host = createTestHost()

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cc-web-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title>')
    await mkdir(join(dir, 'assets'))
    await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(join(tmpdir(), 'cc-outside.txt'), 'outside')
    server = await startWebServer({ host, rendererDir: dir, port: 0, log: () => {} })
  })
  afterAll(async () => {
    await server.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('prints a loopback URL that carries the secret', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/s/${server.secret}/`)
    expect(server.secret.length).toBeGreaterThanOrEqual(32)
  })

  it('serves the app with the secret, with a CSP', async () => {
    const page = await get(server.port, `/s/${server.secret}/`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>console</title>')
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
    const asset = await get(server.port, `/s/${server.secret}/assets/app.js`, { origin: `http://127.0.0.1:${server.port}` })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toContain('javascript')
  })

  it.each([
    ['no secret', '/'],
    ['no secret, asset path', '/assets/app.js'],
    ['a wrong secret', '/s/not-the-secret-at-all-not-the-secret/'],
    ['a secret of the right length but wrong', `/s/${'x'.repeat(32)}/`]
  ])('refuses a request with %s', async (_label, path) => {
    const res = await get(server.port, path)
    expect(res.status).toBe(403)
    expect(res.body).toBe('Forbidden')
  })

  it('refuses a foreign Origin even with the secret', async () => {
    const res = await get(server.port, `/s/${server.secret}/`, { origin: 'http://evil.example' })
    expect(res.status).toBe(403)
  })

  it('refuses a Host other than the loopback address (DNS rebinding)', async () => {
    for (const hostHeader of [`localhost:${server.port}`, `evil.example:${server.port}`, '127.0.0.1']) {
      const res = await get(server.port, `/s/${server.secret}/`, { host: hostHeader })
      expect(res.status, hostHeader).toBe(403)
    }
  })

  it('refuses cross-site fetches even with the secret', async () => {
    const res = await get(server.port, `/s/${server.secret}/`, { 'sec-fetch-site': 'cross-site' })
    expect(res.status).toBe(403)
  })

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['../cc-outside.txt', '..%2fcc-outside.txt', '%2e%2e/cc-outside.txt']) {
      const res = await get(server.port, `/s/${server.secret}/${path}`)
      expect(res.body, path).not.toContain('outside')
      expect([403, 404]).toContain(res.status)
    }
  })

  it('answers typed commands over the bridge with the secret and our origin', async () => {
    const { ws, status } = await openBridge(
      `ws://127.0.0.1:${server.port}/s/${server.secret}/bridge`,
      `http://127.0.0.1:${server.port}`
    )
    expect(status).toBe(101)
    const reply = new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))))
    ws.send(JSON.stringify({ type: 'invoke', id: 7, command: 'app:diagnostics' }))
    expect(await reply).toMatchObject({ type: 'result', id: 7, result: { ok: true, value: { appVersion: '9.9.9-test' } } })

    const invalid = new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))))
    ws.send(JSON.stringify({ type: 'invoke', id: 8, command: 'app:diagnostics', input: { x: 1 } }))
    expect(await invalid).toMatchObject({ id: 8, result: { ok: false, error: { code: 'invalid-input' } } })

    const pushed = new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))))
    host.emit('app:notice', { level: 'info', message: 'hello' })
    expect(await pushed).toEqual({ type: 'event', event: 'app:notice', payload: { level: 'info', message: 'hello' } })
    ws.close()
  })

  it('refuses bridge connections without the secret or from a foreign origin', async () => {
    const local = `http://127.0.0.1:${server.port}`
    const noSecret = await openBridge(`ws://127.0.0.1:${server.port}/bridge`, local)
    expect(noSecret.status).toBe(403)
    const wrong = await openBridge(`ws://127.0.0.1:${server.port}/s/wrong/bridge`, local)
    expect(wrong.status).toBe(403)
    const foreign = await openBridge(`ws://127.0.0.1:${server.port}/s/${server.secret}/bridge`, 'http://evil.example')
    expect(foreign.status).toBe(403)
  })
})
