/**
 * The live board in a real browser, against a real demo org shared by two consoles (web mode, `--sim-url`).
 * Truth is always read through the SDK (never through the UI): the board must match the org's holding queue,
 * and cancel / reschedule / call now must change the org as the lifecycle contract says (DESIGN.md §1).
 */
import platformClient from 'purecloud-platform-client-v2'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callbackTruthOf } from '../../src-main/core/board/read-conversation'
import type { CallbackTruth } from '../../src-main/core/lifecycle'
import { SOLUTION_NAMES } from '../../src-main/sim/domains/solution/seed-solution'
import { startDemoOrg, type DemoOrg } from '../../src-main/sim/server'
import { launchBrowser } from '../helpers/browser'
import { startWebProcess, type WebProcess } from '../helpers/web-process'

type ApiClient = typeof platformClient.ApiClient
const MIN = 60_000

/** Browser-side scripts are strings, so the test transpiler cannot inject helpers the page lacks. */
const COLLECT_BOARD_IDS = `(async () => {
  const grid = document.querySelector('[role=grid]')
  if (!grid) return []
  const seen = new Set()
  grid.scrollTop = 0
  for (let i = 0; i < 500; i++) {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    for (const el of grid.querySelectorAll('[data-conversation-id]')) seen.add(el.getAttribute('data-conversation-id'))
    if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) break
    grid.scrollTop += Math.max(40, grid.clientHeight - 80)
  }
  grid.scrollTop = 0
  return [...seen]
})()`
const AXE_SERIOUS = `(async () => {
  const result = await window.axe.run(document, { resultTypes: ['violations'] })
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))
})()`

describe('live callbacks board (web mode + demo org, real browser)', () => {
  let demo: DemoOrg
  let consoles: WebProcess[] = []
  let browser: Browser
  let sdk: ApiClient
  let holdingQueueId: string
  let contactListId: string
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    demo = await startDemoOrg({ seed: 7, log: () => undefined })
    consoles = await Promise.all([0, 1].map(() => startWebProcess(['--sim-url', demo.baseUrl, '--demo'])))
    browser = await launchBrowser()
    const Ctor = (platformClient as unknown as { ApiClientClass: new () => ApiClient }).ApiClientClass
    sdk = new Ctor()
    sdk.config.live_reload_config = false
    sdk.setGateway({ host: '127.0.0.1', protocol: 'http', port: demo.port })
    await sdk.loginClientCredentialsGrant('callback-console-demo', 'demo-secret')
    const queues = await new platformClient.RoutingApi(sdk).getRoutingQueues({ name: SOLUTION_NAMES.holdingQueue })
    holdingQueueId = queues.entities![0]!.id!
    const lists = await new platformClient.OutboundApi(sdk).getOutboundContactlists({ name: SOLUTION_NAMES.contactList })
    contactListId = lists.entities![0]!.id!
  })

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    await Promise.all(consoles.map((c) => c.stop()))
    await demo?.close()
  })

  /** Opens a console's board, connecting and accepting the suggested profile if it asks, until it is live. */
  async function openBoard(web: WebProcess, options: { bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: options.bypassCSP ?? false })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(`${web.url}#/board`)
    await expect
      .poll(
        async () => {
          for (const gate of ['[data-testid=connect-demo]', '[data-testid=save-profile]']) {
            if (await page.locator(gate).isVisible()) await page.locator(gate).click()
          }
          return page.locator('[data-testid=connection-text]').textContent()
        },
        { timeout: 30_000, interval: 250 }
      )
      .toBe('Live')
    return page
  }

  /** Live callback conversations in the holding queue, as the org reports them (analytics activity). */
  async function orgCallbackIds(): Promise<string[]> {
    const res = await new platformClient.AnalyticsApi(sdk).postAnalyticsConversationsActivityQuery(
      {
        metrics: [
          { metric: 'oWaiting', details: true },
          { metric: 'oInteracting', details: true }
        ],
        groupBy: ['queueId'],
        filter: { type: 'and', predicates: [{ dimension: 'queueId', value: holdingQueueId }] }
      },
      { pageSize: 1000 }
    )
    const entities = (res.results ?? []).flatMap((r) => r.entities ?? [])
    return entities.filter((e) => e.mediaType === 'callback').map((e) => e.conversationId!)
  }

  async function truth(id: string): Promise<CallbackTruth> {
    const raw = await new platformClient.ConversationsApi(sdk).getConversationsCallback(id)
    const read = callbackTruthOf(raw)
    if (!read) throw new Error(`callback ${id} is not readable`)
    return read
  }

  /**
   * A fresh callback due in `dueInMin` minutes, created the way the deployed workflow does: a placeholder in
   * the holding queue whose `data` (the customer participant's attributes) carries the contract's `cc.*` keys.
   */
  async function createCallback(name: string, dueInMin = 45): Promise<string> {
    const now = new Date().toISOString()
    const created = await new platformClient.ConversationsApi(sdk).postConversationsCallbacks({
      queueId: holdingQueueId,
      callbackNumbers: [`+1317555${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`],
      callbackUserName: name,
      callbackScheduledTime: new Date(Date.now() + dueInMin * MIN).toISOString(),
      data: {
        'cc.state': 'waiting',
        'cc.stateAt': now,
        'cc.requestedAt': now,
        'cc.promisedWaitSeconds': String(dueInMin * 60),
        'cc.lastAction': 'request'
      }
    })
    return created.conversation!.id!
  }

  /** Filters the board to one callback by name and selects it. */
  async function selectOnly(page: Page, name: string, id: string): Promise<void> {
    await page.locator('[data-testid=board-search]').fill(name)
    const row = page.locator(`[role=row][data-conversation-id="${id}"]`)
    await row.waitFor({ timeout: 15_000 })
    await row.locator('[data-testid=row-select]').check()
  }

  /** Whether the campaign's contact list holds this contact (404 = no). */
  async function contactExists(contactId: string): Promise<boolean> {
    return new platformClient.OutboundApi(sdk).getOutboundContactlistContact(contactListId, contactId).then(
      () => true,
      (e: { status?: number }) => {
        if (e.status === 404) return false
        throw e
      }
    )
  }

  const toasts = (page: Page): Promise<string[]> => page.locator('gux-toast').allTextContents()

  it('shows exactly the callbacks waiting in the org’s holding queue', async () => {
    const page = await openBoard(consoles[0]!)
    await expect
      .poll(
        async () => {
          const [org, board] = await Promise.all([orgCallbackIds(), page.evaluate(COLLECT_BOARD_IDS) as Promise<string[]>])
          return {
            extraOnBoard: board.filter((id) => !org.includes(id)),
            missingFromBoard: org.filter((id) => !board.includes(id))
          }
        },
        { timeout: 15_000, interval: 500 }
      )
      .toEqual({ extraOnBoard: [], missingFromBoard: [] })
    expect((await orgCallbackIds()).length).toBeGreaterThan(0)
  })

  it('cancel records who and why, then disconnects the placeholder', async () => {
    const id = await createCallback('E2E Cancel')
    const page = await openBoard(consoles[0]!)
    await selectOnly(page, 'E2E Cancel', id)
    await page.getByRole('button', { name: 'Cancel callback', exact: true }).first().click()
    const dialog = page.locator('[data-testid=cancel-dialog]')
    await dialog.locator('[data-testid=cancel-reason]').selectOption('Duplicate request')
    await dialog.locator('[data-testid=cancel-note]').fill('asked twice on the phone')
    await dialog.locator('[data-testid=cancel-confirm]').click()
    await expect.poll(async () => (await truth(id)).record.state, { timeout: 10_000 }).toBe('cancelled')
    const after = await truth(id)
    expect(after.record.inferred).toBe(false)
    expect(after.record.reason).toContain('Duplicate request')
    expect(after.record.cancelledBy).toBeTruthy()
    await expect.poll(() => orgCallbackIds(), { timeout: 10_000 }).not.toContain(id)
    await expect.poll(() => page.locator(`[data-conversation-id="${id}"]`).count()).toBe(0)
  })

  it('reschedule changes callbackScheduledTime to the chosen time', async () => {
    const id = await createCallback('E2E Reschedule', 20)
    const page = await openBoard(consoles[0]!)
    await selectOnly(page, 'E2E Reschedule', id)
    await page.getByRole('button', { name: 'Reschedule', exact: true }).first().click()
    const dialog = page.locator('[data-testid=reschedule-dialog]')
    const asked = Date.now()
    await dialog.locator('[data-testid=preset-60]').click()
    await dialog.locator('[data-testid=reschedule-confirm]').click()
    await expect.poll(async () => (await truth(id)).dueAtMs ?? 0, { timeout: 10_000 }).toBeGreaterThan(asked + 55 * MIN)
    const after = await truth(id)
    expect(after.dueAtMs!).toBeLessThan(asked + 62 * MIN)
    expect(after.record.state).toBe('waiting')
    expect(after.record.lastAction).toBe('reschedule')
  })

  it('call now appends the contact (priority dial) and marks the callback dispatched', async () => {
    const id = await createCallback('E2E Call Now')
    const page = await openBoard(consoles[0]!)
    await selectOnly(page, 'E2E Call Now', id)
    await page.getByRole('button', { name: 'Call now', exact: true }).first().click()
    await page.locator('[data-testid=call-now-confirm]').click()
    await expect.poll(async () => (await truth(id)).record.dispatchedBy, { timeout: 10_000 }).toBeTruthy()
    const after = await truth(id)
    expect(['dispatched', 'connected', 'declined', 'unreached']).toContain(after.record.state)
    expect(after.record.contactId).toBe(`${id}-a1`)
    await expect.poll(() => contactExists(`${id}-a1`), { timeout: 10_000 }).toBe(true)
  })

  it('two consoles acting on one callback: one success, one clear conflict, never a double dial', async () => {
    const id = await createCallback('E2E Race')
    const pages = await Promise.all(consoles.map((c) => openBoard(c)))
    for (const page of pages) {
      await selectOnly(page, 'E2E Race', id)
      await page.getByRole('button', { name: 'Call now', exact: true }).first().click()
      await page.locator('[data-testid=call-now-confirm]').waitFor()
    }
    await Promise.all(pages.map((page) => page.locator('[data-testid=call-now-confirm]').click()))
    await expect
      .poll(async () => (await Promise.all(pages.map(toasts))).flat().length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2)
    const seen = await Promise.all(pages.map(async (p) => (await toasts(p)).join(' | ')))
    // Never a double dial: one dispatch, one campaign contact (attempt 1), whatever the consoles were told.
    await expect.poll(async () => (await truth(id)).record.contactId, { timeout: 10_000 }).toBe(`${id}-a1`)
    await expect.poll(() => contactExists(`${id}-a1`), { timeout: 10_000 }).toBe(true)
    expect(await contactExists(`${id}-a2`)).toBe(false)
    // One success and one plain conflict ("Already dispatched by …"), never two successes.
    expect(seen.filter((t) => t.includes('Dialling the callback now.'))).toHaveLength(1)
    expect(seen.find((t) => !t.includes('Dialling the callback now.'))).toMatch(/already/i)
  })

  it('survives a dropped notification socket and catches up with what happened meanwhile', async () => {
    const page = await openBoard(consoles[1]!)
    demo.faults.dropSockets()
    const id = await createCallback('E2E After Drop')
    await page.locator('[data-testid=board-search]').fill('E2E After Drop')
    await page.locator(`[role=row][data-conversation-id="${id}"]`).waitFor({ timeout: 20_000 })
    await expect.poll(() => page.locator('[data-testid=connection-text]').textContent(), { timeout: 20_000 }).toBe('Live')
  })

  it('never hands a token or a client secret to the renderer', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
    contexts.push(context)
    const page = await context.newPage()
    const received: string[] = []
    page.on('websocket', (ws) => ws.on('framereceived', (f) => received.push(String(f.payload))))
    page.on('response', async (r) => received.push(await r.text().catch(() => '')))
    await page.goto(`${consoles[0]!.url}#/board`)
    await expect
      .poll(
        async () => {
          for (const gate of ['[data-testid=connect-demo]', '[data-testid=save-profile]']) {
            if (await page.locator(gate).isVisible()) await page.locator(gate).click()
          }
          return page.locator('[data-testid=connection-text]').textContent()
        },
        { timeout: 30_000, interval: 250 }
      )
      .toBe('Live')
    await page.locator('[role=row][data-conversation-id]').first().click()
    await page.goto(`${consoles[0]!.url}#/diagnostics`)
    await page.getByText('Copy support summary').first().waitFor()
    const everything = received.join('\n')
    // The bridge carried the session view and the board, so there was something to leak.
    expect(everything).toContain('"state":"signed-in"')
    expect(everything).toContain('"maskedNumber"')
    const tokens = demo.issuedTokens()
    expect(tokens.length).toBeGreaterThan(2)
    for (const token of tokens) expect(everything.includes(token), 'an access token reached the renderer').toBe(false)
    expect(everything).not.toContain('demo-secret')
    expect(everything).not.toMatch(/access_?token|refresh_?token/i)
  })

  it('has no serious or critical accessibility violations on the board and its dialogs', async () => {
    const page = await openBoard(consoles[1]!, { bypassCSP: true })
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' })
    const check = async (where: string) =>
      expect({ where, violations: await page.evaluate(AXE_SERIOUS) }).toEqual({ where, violations: [] })
    await check('board')
    const grid = page.locator('[role=grid]')
    await grid.focus()
    await page.keyboard.press('ArrowDown')
    for (const [key, dialog] of [
      ['c', 'cancel-dialog'],
      ['r', 'reschedule-dialog'],
      ['n', 'call-now-dialog'],
      ['?', 'help-dialog']
    ] as const) {
      await grid.focus()
      await page.keyboard.press(key)
      // gux-modal's host has no box of its own (its <dialog> is in the top layer): wait for it in the DOM.
      await page.locator(`[data-testid=${dialog}]`).waitFor({ state: 'attached' })
      await page.waitForTimeout(300)
      await check(dialog)
      await page.keyboard.press('Escape')
      await page.locator(`[data-testid=${dialog}]`).waitFor({ state: 'detached' })
    }
    await grid.focus()
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=detail-drawer]').waitFor()
    await check('detail drawer')
  })
})
