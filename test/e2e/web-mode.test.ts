import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../helpers/browser'
import { startWebProcess, type WebProcess } from '../helpers/web-process'

describe('web mode in a real browser', () => {
  let web: WebProcess
  let browser: Browser

  beforeAll(async () => {
    web = await startWebProcess()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await web?.stop()
  })

  it('shows the Diagnostics values that came from main, fully offline', async () => {
    const page = await browser.newPage()
    const requests: string[] = []
    const errors: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${web.url}#/diagnostics`)
    await expect.poll(() => page.locator('[data-testid=diag-shell]').textContent()).toBe('Web mode (system browser)')
    expect(await page.locator('[data-testid=diag-node]').textContent()).toBe(process.versions.node)
    expect(await page.locator('[data-testid=diag-data-dir]').textContent()).toBe(web.dataDir)
    expect(await page.locator('[data-testid=diag-secure-storage]').textContent()).toContain('Not available')
    // Spark hydrated (its elements are hidden until then) and every request stayed on loopback.
    const button = page.locator('gux-button[data-testid=copy-summary]')
    await expect
      .poll(() =>
        button.evaluate(
          (el) => el.shadowRoot !== null && el.ownerDocument.defaultView?.getComputedStyle(el).visibility === 'visible'
        )
      )
      .toBe(true)
    expect(requests.filter((u) => !u.startsWith(`http://127.0.0.1:${web.port}/`) && !u.startsWith('data:'))).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('refuses plain requests without the secret', async () => {
    for (const path of ['/', '/index.html', '/s/wrong/', `/s/${'a'.repeat(32)}/`]) {
      const res = await fetch(`http://127.0.0.1:${web.port}${path}`)
      expect(res.status, path).toBe(403)
    }
    expect((await fetch(web.url)).status).toBe(200)
  })

  it('refuses a page from another origin: no bridge, no reading the app', async () => {
    const foreign: Server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end('<!doctype html><title>other site</title>')
    })
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', () => r()))
    const foreignPort = (foreign.address() as AddressInfo).port
    const page = await browser.newPage()
    await page.goto(`http://127.0.0.1:${foreignPort}/`)
    const outcome = await page.evaluate(async (appUrl) => {
      const bridge = await new Promise<string>((resolve) => {
        const ws = new WebSocket(new URL('bridge', appUrl).href.replace('http:', 'ws:'))
        ws.onopen = () => resolve('open')
        ws.onerror = () => resolve('refused')
        setTimeout(() => resolve('timeout'), 5000)
      })
      const read = await fetch(appUrl, { mode: 'cors' }).then(
        (r) => `status ${r.status}`,
        () => 'blocked'
      )
      return { bridge, read }
    }, web.url)
    expect(outcome.bridge).toBe('refused')
    expect(outcome.read).not.toBe('status 200')
    await page.close()
    await new Promise((r) => foreign.close(r))
  })
})
