/**
 * The History page in a real browser (web mode + the full demo org with its seeded day of history). Truth is
 * read through the SDK, never through the UI: the charts' tables must match the org's placeholders, their
 * `cc.*` attributes and the campaign's agent legs; a CSV export must equal the table it came from; full numbers
 * only when ticked, and then audited.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import platformClient from 'purecloud-platform-client-v2'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SOLUTION_NAMES } from '../../src-main/sim/domains/solution/seed-solution'
import { startDemoOrg, type DemoOrg } from '../../src-main/sim/server'
import { launchBrowser } from '../helpers/browser'
import { startWebProcess, type WebProcess } from '../helpers/web-process'

type ApiClient = typeof platformClient.ApiClient
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
const localDay = (ms: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)
const AXE_SERIOUS = `(async () => {
  const result = await window.axe.run(document, { resultTypes: ['violations'] })
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))
})()`

/** RFC 4180 reader for the exports (BOM stripped), independent of the writer. */
function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '')
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      record.push(field)
      field = ''
    } else if (ch === '\r' && body[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i++
    } else field += ch
  }
  return records
}

interface OrgCallback {
  id: string
  number: string
  attributes: Record<string, string>
}

describe('History (web mode + demo org, real browser)', () => {
  let demo: DemoOrg
  let web: WebProcess
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let sdk: ApiClient
  let yesterday: string
  let org: OrgCallback[]
  let agentAnswers: Map<string, number>

  beforeAll(async () => {
    demo = await startDemoOrg({ seed: 7, log: () => undefined })
    await (demo.org as unknown as { traffic: { history: Promise<unknown> } }).traffic.history
    web = await startWebProcess(['--sim-url', demo.baseUrl, '--demo'])
    browser = await launchBrowser()
    const Ctor = (platformClient as unknown as { ApiClientClass: new () => ApiClient }).ApiClientClass
    sdk = new Ctor()
    sdk.config.live_reload_config = false
    sdk.setGateway({ host: '127.0.0.1', protocol: 'http', port: demo.port })
    await sdk.loginClientCredentialsGrant('callback-console-demo', 'demo-secret')
    yesterday = localDay(demo.org.clock.now() - 86_400_000)
    ;({ org, agentAnswers } = await readOrg())
    context = await browser.newContext({
      viewport: { width: 1440, height: 1100 },
      timezoneId: timeZone,
      bypassCSP: true,
      acceptDownloads: true
    })
    page = await context.newPage()
  })

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') console.log('STDERR:\n' + web.stderr().split('\n').slice(-40).join('\n'))
  })

  afterAll(async () => {
    await context?.close().catch(() => undefined)
    await browser?.close()
    await web?.stop()
    await demo?.close()
  })

  /** Yesterday's placeholders with their attributes and numbers, and agent answers of the campaign's calls. */
  async function readOrg(): Promise<{ org: OrgCallback[]; agentAnswers: Map<string, number> }> {
    const analytics = new platformClient.AnalyticsApi(sdk)
    const holding = (await new platformClient.RoutingApi(sdk).getRoutingQueues({ name: SOLUTION_NAMES.holdingQueue }))
      .entities![0]!.id!
    const campaign = (await new platformClient.OutboundApi(sdk).getOutboundCampaigns({ name: SOLUTION_NAMES.campaign }))
      .entities![0]!.id!
    const day = Date.parse(`${yesterday}T00:00:00Z`)
    const interval = `${new Date(day - 86_400_000).toISOString()}/${new Date(day + 2 * 86_400_000).toISOString()}`
    const query = async (predicates: { dimension: string; value: string }[]) => {
      const all: platformClient.Models.AnalyticsConversationWithoutAttributes[] = []
      for (let pageNumber = 1; ; pageNumber++) {
        const res = await analytics.postAnalyticsConversationsDetailsQuery({
          interval,
          segmentFilters: [{ type: 'and', predicates }],
          paging: { pageSize: 100, pageNumber }
        })
        all.push(...(res.conversations ?? []))
        if ((res.conversations ?? []).length < 100) return all
      }
    }
    const placeholders = (
      await query([
        { dimension: 'queueId', value: holding },
        { dimension: 'mediaType', value: 'callback' }
      ])
    ).filter((c) => localDay(Date.parse(c.conversationStart!)) === yesterday)
    const conversations = new platformClient.ConversationsApi(sdk)
    const orgCallbacks = await Promise.all(
      placeholders.map(async (c) => {
        const full = await conversations.getConversation(c.conversationId!)
        const attributes = Object.assign({}, ...full.participants.map((p) => p.attributes ?? {})) as Record<string, string>
        const session = c.participants!.flatMap((p) => p.sessions ?? []).find((s) => s.mediaType === 'callback')!
        return { id: c.conversationId!, number: session.callbackNumbers![0]!, attributes }
      })
    )
    const answers = new Map<string, number>()
    for (const call of await query([{ dimension: 'outboundCampaignId', value: campaign }])) {
      const contactId = call.participants!.flatMap((p) => p.sessions ?? []).find((s) => s.outboundContactId)?.outboundContactId
      const agent = call.participants!.find((p) => p.purpose === 'agent')
      const start = agent?.sessions?.[0]?.segments?.find((g) => g.segmentType === 'interact')?.segmentStart
      const callbackId = contactId?.replace(/-a\d+$/, '')
      if (callbackId && start && !answers.has(callbackId)) answers.set(callbackId, Date.parse(start))
    }
    return { org: orgCallbacks, agentAnswers: answers }
  }

  async function openHistoryForYesterday(): Promise<void> {
    await page.goto(`${web.url}#/history`)
    await expect
      .poll(
        async () => {
          for (const gate of ['[data-testid=connect-demo]', '[data-testid=save-profile]']) {
            if (await page.locator(gate).isVisible()) await page.locator(gate).click()
          }
          return page.locator('[data-testid=history-run]').isVisible()
        },
        { timeout: 30_000, interval: 250 }
      )
      .toBe(true)
    // The page shows today on its first visit; the range buttons wait until that run is done.
    await expect.poll(() => page.locator('[data-testid=history-progress]').count(), { timeout: 30_000 }).toBe(0)
    await page.locator('gux-button', { hasText: 'Yesterday' }).click()
    await expect
      .poll(() => page.locator('[data-testid=history-totals]').textContent(), { timeout: 30_000 })
      .toContain(`${yesterday}:`)
    await expect.poll(() => page.locator('[data-testid=history-progress]').count(), { timeout: 30_000 }).toBe(0)
  }

  /** A table as the page shows it: header labels, then each row's cells. */
  async function tableOf(id: string): Promise<{ header: string[]; rows: string[][]; ids: (string | null)[] }> {
    const table = page.locator(`[data-testid=history-table-${id}]`)
    const header = await table.locator('thead th').allTextContents()
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())))
    const ids = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-conversation-id')))
    return { header: header.map((h) => h.trim()), rows, ids }
  }

  async function download(id: string): Promise<{ name: string; rows: string[][]; raw: string }> {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`[data-testid=history-table-${id}-export]`).click()
    ])
    const raw = await readFile((await file.path())!, 'utf8')
    return { name: file.suggestedFilename(), rows: parseCsv(raw), raw }
  }

  it('shows charts and tables that match the org’s data for the day', async () => {
    await openHistoryForYesterday()
    expect(org.length).toBeGreaterThan(5)
    const count = (state: string) => org.filter((c) => c.attributes['cc.state'] === state).length
    const totals = (await page.locator('[data-testid=history-totals]').textContent())!.replace(/\s+/g, ' ')
    expect(totals).toContain(
      `${org.length} callbacks requested · ${count('connected')} connected · ${count('declined')} declined`
    )
    expect(totals).toContain(`${count('unreached')} unreached · ${count('cancelled')} cancelled`)

    const outcomes = await tableOf('outcomes')
    expect(new Set(outcomes.ids)).toEqual(new Set(org.map((c) => c.id)))
    const byId = new Map(org.map((c) => [c.id, c]))
    outcomes.rows.forEach((row, i) => {
      const truth = byId.get(outcomes.ids[i]!)!
      expect(row[outcomes.header.indexOf('Outcome')]!.toLowerCase()).toBe(truth.attributes['cc.state'])
      expect(row[outcomes.header.indexOf('Callback number')]).toBe(`•••• ${truth.number.replace(/\D/g, '').slice(-4)}`)
      expect(Number(row[outcomes.header.indexOf('Dial attempts')])).toBe(Number(truth.attributes['cc.attempts'] ?? 0))
      if (truth.attributes['cc.state'] === 'cancelled')
        expect(row[outcomes.header.indexOf('By')]).toBe(truth.attributes['cc.cancelledBy'])
    })

    // Promised (cc.requestedAt + cc.promisedWaitSeconds) versus the agent's own answer on the campaign call.
    const punctuality = await tableOf('punctuality')
    const measured = org.filter((c) => c.attributes['cc.state'] === 'connected' && c.attributes['cc.promisedWaitSeconds'])
    expect(new Set(punctuality.ids)).toEqual(new Set(measured.map((c) => c.id)))
    punctuality.rows.forEach((row, i) => {
      const truth = byId.get(punctuality.ids[i]!)!
      const promised = Date.parse(truth.attributes['cc.requestedAt']!) + Number(truth.attributes['cc.promisedWaitSeconds']) * 1000
      const expected = Math.round((agentAnswers.get(truth.id)! - promised) / 6_000) / 10 + 0 // -0 → 0: the table never shows "-0"
      expect(Number(row[punctuality.header.indexOf('Difference (min)')])).toBe(expected)
    })

    const volumes = await tableOf('volumes')
    expect(volumes.rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(org.length)
    // Every chart is drawn (SVG), and the outcome chart names the outcomes.
    for (const id of ['volumes', 'outcomes', 'punctuality', 'attempts', 'busiest'])
      await expect.poll(() => page.locator(`[data-testid=history-chart-${id}] svg path`).count()).toBeGreaterThan(3)
    const labels = await page.locator('[data-testid=history-chart-outcomes] svg text').allTextContents()
    expect(labels).toEqual(expect.arrayContaining(['Connected', 'Declined', 'Unreached', 'Cancelled', 'Open']))
  })

  it('exports exactly the table, masked unless full numbers are ticked, and audits full numbers', async () => {
    await openHistoryForYesterday()
    for (const id of ['outcomes', 'volumes', 'punctuality', 'attempts', 'busiest']) {
      const table = await tableOf(id)
      const csv = await download(id)
      expect(csv.raw.startsWith('\uFEFF')).toBe(true)
      expect(csv.rows).toEqual([table.header, ...table.rows])
    }
    const masked = await download('outcomes')
    expect(masked.name).toBe(`callback-history-outcomes-${yesterday}.csv`)
    for (const c of org) expect(masked.raw).not.toContain(c.number)
    const auditFile = join(web.dataDir, 'audit', `${localDay(Date.now())}.jsonl`)
    const auditLines = async () =>
      (await readFile(auditFile, 'utf8').catch(() => ''))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    expect((await auditLines()).filter((r) => r.action === 'export-unmasked')).toEqual([])

    await page.locator('[data-testid=history-table-outcomes-full-numbers]').check()
    const full = await download('outcomes')
    expect(full.name).toBe(`callback-history-outcomes-${yesterday}-full-numbers.csv`)
    const numberColumn = full.rows[0]!.indexOf('Callback number')
    const idColumn = full.rows[0]!.indexOf('Conversation ID')
    const numbers = new Map(org.map((c) => [c.id, c.number]))
    for (const row of full.rows.slice(1)) expect(row[numberColumn]).toBe(numbers.get(row[idColumn]!))
    const audited = (await auditLines()).filter((r) => r.action === 'export-unmasked')
    expect(audited).toHaveLength(1)
    expect(audited[0].detail).toContain(`${org.length} rows with full numbers`)
    expect(audited[0].detail).toContain(yesterday)

    await page.goto(`${web.url}#/audit`)
    await expect
      .poll(() => page.locator('[data-testid=audit-table]').textContent(), { timeout: 10_000 })
      .toContain('Exported full numbers')
  })

  it('is readable in dark mode and has no serious accessibility violations', async () => {
    await page.goto(`${web.url}#/settings`)
    await page.locator('[data-testid=settings-theme-dark]').check()
    await page.locator('[data-testid=settings-save]').click()
    await expect.poll(() => page.evaluate("document.documentElement.getAttribute('flare-mode')")).toBe('dark')
    await openHistoryForYesterday()
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' })
    expect(await page.evaluate(AXE_SERIOUS)).toEqual([])
    const textFill = await page
      .locator('[data-testid=history-chart-outcomes] svg text', { hasText: 'Connected' })
      .first()
      .getAttribute('fill')
    const token = String(
      await page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--gse-semantic-charts-foreground-midEmphasis').trim()"
      )
    )
    expect(textFill?.toLowerCase()).toBe(token.toLowerCase())
    expect(token.toLowerCase()).toBe('#c1c6d4')
  })
})
