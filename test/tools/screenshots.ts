/**
 * `npm run screenshots`: the README's pictures, taken from the real console in web mode against demo orgs (never
 * mock-ups): the live board, the guided setup wizard's plan on an `--empty` org, and the History page.
 * Writes docs/*.png. Needs a build (`electron-vite build`) and the Chromium the tests use.
 */
import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { startDemoOrg } from '../../src-main/sim/server'
import { launchBrowser } from '../helpers/browser'
import { startWebProcess } from '../helpers/web-process'

const OUT = resolve(import.meta.dirname, '../../docs')

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** Clicks through the connect and profile gates until `ready` shows. */
async function open(page: Page, url: string, ready: string): Promise<void> {
  await page.goto(url)
  await until(ready, async () => {
    for (const gate of ['[data-testid=connect-demo]', '[data-testid=save-profile]']) {
      if (await page.locator(gate).isVisible()) await page.locator(gate).click()
    }
    return (await page.locator(ready).count()) > 0
  })
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true })
  const browser = await launchBrowser()
  const shot = async (page: Page, name: string): Promise<void> => {
    await page.waitForTimeout(800)
    await page.screenshot({ path: resolve(OUT, name) })
    console.log(`docs/${name}`)
  }
  try {
    // The deployed demo org with traffic: board and History.
    const live = await startDemoOrg({ seed: 7, log: () => undefined })
    const web = await startWebProcess(['--sim-url', live.baseUrl, '--demo'])
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await open(page, `${web.url}#/board`, '[data-conversation-id]')
      await until('live board', async () => (await page.locator('[data-testid=connection-text]').textContent()) === 'Live')
      await shot(page, 'board.png')
      await open(page, `${web.url}#/history`, '[data-testid=history-run]')
      await until('today’s report', async () => (await page.locator('[data-testid=history-progress]').count()) === 0)
      await page.locator('gux-button', { hasText: 'Yesterday' }).click()
      await until('yesterday’s report', async () => (await page.locator('[data-testid=history-progress]').count()) === 0)
      await shot(page, 'history.png')
    } finally {
      await web.stop()
      await live.close()
    }

    // An empty org: the wizard's plan after the preflight.
    const empty = await startDemoOrg({ empty: true, seed: 11, log: () => undefined })
    const setup = await startWebProcess(['--sim-url', empty.baseUrl, '--demo'])
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
      await open(page, `${setup.url}#/setup`, `#setup-targetQueueId option[value="${empty.seed.targetQueueId}"]`)
      await page.selectOption('#setup-targetQueueId', empty.seed.targetQueueId)
      await page.fill('#setup-callerIdName', 'Acme Care')
      await page.fill('#setup-callerIdNumber', '+13175550100')
      const site = await page.locator('#setup-telephonyId option').nth(1).getAttribute('value')
      await page.selectOption('#setup-telephonyId', site!)
      await page.fill('#setup-clientId', 'callback-console-demo')
      await page.fill('#setup-clientSecret', 'demo-secret')
      await page.locator('gux-button[data-testid=check]').click()
      await until('the plan', async () => (await page.locator('[data-testid=plan] tbody tr').count()) > 10)
      await page.locator('[data-testid=plan]').scrollIntoViewIfNeeded()
      await shot(page, 'setup-wizard.png')
    } finally {
      await setup.stop()
      await empty.close()
    }
  } finally {
    await browser.close()
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
