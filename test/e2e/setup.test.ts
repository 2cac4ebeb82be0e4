/**
 * Guided setup in a real browser (issue 6): an `--empty` demo org, the web shell connected to it, and the wizard
 * filled in and applied through Chromium. Truth is read through the real SDK, never through the UI: the campaign
 * exists and is on, the four flows are published, and the board then watches the new deployment live.
 */
import platformClient from 'purecloud-platform-client-v2'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupNames } from '../../src-main/core/setup/setup-names'
import { startDemoOrg, type DemoOrg } from '../../src-main/sim/server'
import { launchBrowser } from '../helpers/browser'
import { startWebProcess, type WebProcess } from '../helpers/web-process'

type ApiClient = typeof platformClient.ApiClient
const PREFIX = 'E2E Callbacks'
const NAMES = setupNames(PREFIX)
const AXE_SERIOUS = `(async () => {
  const result = await window.axe.run(document, { resultTypes: ['violations'] })
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))
})()`

describe('guided setup wizard (web mode + empty demo org, real browser)', () => {
  let demo: DemoOrg
  let web: WebProcess
  let browser: Browser
  let sdk: ApiClient
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    demo = await startDemoOrg({ empty: true, seed: 11, log: () => undefined, rateLimitPerMinute: 100_000 })
    web = await startWebProcess(['--sim-url', demo.baseUrl, '--demo'])
    browser = await launchBrowser()
    const Ctor = (platformClient as unknown as { ApiClientClass: new () => ApiClient }).ApiClientClass
    sdk = new Ctor()
    sdk.config.live_reload_config = false
    sdk.setGateway({ host: '127.0.0.1', protocol: 'http', port: demo.port })
    await sdk.loginClientCredentialsGrant('callback-console-demo', 'demo-secret')
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true })
    page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
  })

  afterAll(async () => {
    await browser?.close()
    await web?.stop()
    await demo?.close()
  })

  it('starts from an org with none of the solution in it', async () => {
    const campaigns = await new platformClient.OutboundApi(sdk).getOutboundCampaigns({ name: NAMES.campaign })
    expect(campaigns.entities ?? []).toHaveLength(0)
  })

  it('shows problems beside the fields while typing, then checks the org and plans only creates', async () => {
    await page.goto(`${web.url}#/setup`)
    // The web shell connects to the demo org at start-up; the page may still show the connect screen for a moment.
    await expect
      .poll(
        async () => {
          if (await page.locator('[data-testid=connect-demo]').isVisible())
            await page.locator('[data-testid=connect-demo]').click()
          return page.locator(`#setup-targetQueueId option[value="${demo.seed.targetQueueId}"]`).count()
        },
        { timeout: 30_000, interval: 250 }
      )
      .toBe(1)
    expect(await page.inputValue('#setup-namePrefix')).toBe('Callback Console')

    await page.fill('#setup-callerIdNumber', '3175550100')
    await page.locator('#setup-callerIdNumber').blur()
    await expect
      .poll(() => page.locator('[data-testid=problem-callerIdNumber]').textContent())
      .toBe('use E.164, e.g. +13175550100')

    await page.selectOption('#setup-targetQueueId', demo.seed.targetQueueId)
    await page.fill('#setup-namePrefix', PREFIX)
    await page.fill('#setup-callerIdName', 'Acme Care')
    await page.fill('#setup-callerIdNumber', '+13175550100')
    const site = await page.locator('#setup-telephonyId option').nth(1).getAttribute('value')
    await page.selectOption('#setup-telephonyId', site!)
    await page.fill('#setup-clientId', 'callback-console-demo')
    await page.fill('#setup-clientSecret', 'demo-secret')
    await expect.poll(() => page.locator('[data-testid=problem-callerIdNumber]').count()).toBe(0)

    await page.locator('gux-button[data-testid=check]').click()
    await expect.poll(() => page.locator('[data-testid=preflight-ok]').isVisible(), { timeout: 30_000 }).toBe(true)
    await expect.poll(() => page.locator('[data-testid=plan] tbody tr').count()).toBeGreaterThan(10)
    const actions = await page
      .locator('[data-testid=plan] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))
    expect(new Set(actions)).toEqual(new Set(['create', 'update']))
    expect(await page.locator('[data-testid=plan] tbody tr[data-key=campaign]').getAttribute('data-action')).toBe('create')
    expect(await page.locator('[data-testid=plan] tbody tr[data-key=targetQueue]').getAttribute('data-action')).toBe('update')
  })

  it('has no serious accessibility violations in the wizard', async () => {
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' })
    expect(await page.evaluate(AXE_SERIOUS)).toEqual([])
  })

  it('applies with per-step progress and verify passes', { timeout: 150_000 }, async () => {
    await page.locator('gux-button[data-testid=apply]').click()
    await expect.poll(() => page.locator('[data-testid=progress] li').count()).toBeGreaterThan(10)
    await expect
      .poll(
        () =>
          page.locator('[data-testid=verify-ok], [data-testid=verify-failed], [data-testid=apply-failed]').first().textContent(),
        {
          timeout: 120_000,
          interval: 500
        }
      )
      .toBe('Every check passed.')
    const states = await page
      .locator('[data-testid=progress] li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-state')))
    expect(states.every((s) => s === 'done')).toBe(true)
    const bar = page.locator('[data-testid=progress-bar]')
    expect([await bar.getAttribute('value'), await bar.getAttribute('max')]).toEqual([
      String(states.length),
      String(states.length)
    ])
    const failed = await page.locator('[data-testid=verify] li[data-ok=false]').count()
    expect(failed).toBe(0)
    expect(await page.locator('[data-testid=verify] li').count()).toBeGreaterThan(5)
    expect(await page.locator('[data-testid=open-board]').getAttribute('href')).toBe('#/board')
  })

  it('left a campaign that is on and four published flows, as the org reports them', async () => {
    const outbound = new platformClient.OutboundApi(sdk)
    const campaigns = (await outbound.getOutboundCampaigns({ name: NAMES.campaign })).entities ?? []
    expect(campaigns).toHaveLength(1)
    const campaign = await outbound.getOutboundCampaign(campaigns[0]!.id!)
    expect(campaign.campaignStatus).toBe('on')
    const lists = (await outbound.getOutboundContactlists({ name: NAMES.contactList })).entities ?? []
    expect(campaign.contactList?.id).toBe(lists[0]?.id)

    const architect = new platformClient.ArchitectApi(sdk)
    for (const name of [NAMES.outboundFlow, NAMES.workflow, NAMES.inboundFlow, NAMES.inQueueFlow]) {
      const flows = (await architect.getFlows({ name, pageSize: 25 })).entities ?? []
      const flow = flows.find((f) => f.name === name)
      expect(flow, name).toBeDefined()
      expect(flow!.publishedVersion?.id, `${name} published`).toBeTruthy()
    }
    const target = await new platformClient.RoutingApi(sdk).getRoutingQueue(demo.seed.targetQueueId)
    const inQueue = (await architect.getFlows({ name: NAMES.inQueueFlow, pageSize: 25 })).entities?.find(
      (f) => f.name === NAMES.inQueueFlow
    )
    expect(target.queueFlow?.id).toBe(inQueue?.id)
  })

  it('opens the board on the new deployment with no other step, and it is live', async () => {
    await page.locator('[data-testid=open-board]').click()
    await expect.poll(() => page.url()).toContain('#/board')
    const state = async (): Promise<string> =>
      (await page.locator('[data-testid=connection-text]').count()) > 0
        ? ((await page.locator('[data-testid=connection-text]').textContent()) ?? '')
        : `no board: ${(await page.locator('main').innerText()).slice(0, 300)}`
    await expect.poll(state, { timeout: 30_000, interval: 250 }).toBe('Live')
    expect(await page.locator('[data-testid=save-profile]').count()).toBe(0)
    expect(pageErrors).toEqual([])
  })
})
