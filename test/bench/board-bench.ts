/**
 * Board speed and size (issue 5): web mode + demo org in headless Chromium, 5,000 waiting callbacks and 200 events/s
 * for 60 s. Event-to-screen latency is measured from the moment the demo org changes a callback (so it includes the
 * notification socket hop on top of main → renderer → DOM: an upper bound of "frame received in main → row updated")
 * to the MutationObserver seeing the row's attempts cell change, on rows that are on screen. Both clocks are this
 * machine's wall clock.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { initialAttributes } from '../../src-main/core/lifecycle'
import { CC } from '../../src-main/core/lifecycle-model'
import { seedSolution } from '../../src-main/sim/domains/index'
import { domainPlugins } from '../../src-main/sim/plugins'
import { startDemoOrg } from '../../src-main/sim/server'
import { launchBrowser } from '../helpers/browser'

const CALLBACKS = 5_000
const EVENTS_PER_SECOND = 200
const SECONDS = 60
const PROBES_PER_SECOND = 10

const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d
const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

function rssMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN)
  return { rss: round(kb('VmRSS') / 1024), peak: round(kb('VmHWM') / 1024) }
}

export async function runBoardBench(): Promise<Record<string, unknown>> {
  let solution: ReturnType<typeof seedSolution> | undefined
  const demo = await startDemoOrg({
    seed: 11,
    rateLimitPerMinute: 100_000,
    log: () => {},
    plugins: { ...domainPlugins, seedSolution: (org, o) => void (solution = seedSolution(org, o)) }
  })
  const dataDir = await mkdtemp(join(tmpdir(), 'cc-board-bench-'))
  const { org } = demo
  const holding = solution!.holdingQueueId
  const ids: string[] = []
  const customer = new Map<string, string>()
  for (let i = 0; i < CALLBACKS; i++) {
    const now = org.clock.now()
    const conv = org.conversations.createCallback({
      queueId: holding,
      callbackNumbers: [`+1317555${String(i).padStart(4, '0')}`],
      callbackUserName: `Caller ${i}`,
      callbackScheduledTime: now + 3_600_000 + i * 1000,
      data: {
        ...initialAttributes({
          actor: { kind: 'flow', id: 'wf', name: 'Workflow' },
          requestedAtMs: now - 60_000,
          promisedWaitSeconds: 3600
        })
      }
    })
    ids.push(conv.id)
    customer.set(conv.id, org.conversations.customerOf(conv)!.id)
  }
  const attempts = new Map<string, number>()
  const touch = (id: string): void => {
    const n = (attempts.get(id) ?? 0) + 1
    attempts.set(id, n)
    org.conversations.setParticipantAttributes(id, customer.get(id)!, {
      [CC.attempts]: String(n),
      [CC.actedAt]: new Date(org.clock.now()).toISOString()
    })
  }

  const child = spawn(
    process.execPath,
    [resolve(import.meta.dirname, '../../out/main/web.js'), '--no-open', '--demo', '--sim-url', demo.baseUrl],
    {
      env: { ...process.env, CALLBACK_CONSOLE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  const browser = await launchBrowser()
  try {
    const url = await new Promise<string>((ok, fail) => {
      let out = ''
      child.stdout!.on('data', (c) => {
        out += c
        const m = /(http:\/\/127\.0\.0\.1:\d+\/s\/[\w-]+\/)/.exec(out)
        if (m) ok(m[1])
      })
      setTimeout(() => fail(new Error('web shell printed no URL')), 30_000)
    })
    // bypassCSP only lets the benchmark's own probes run as text; the app's CSP is otherwise unchanged.
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, bypassCSP: true })
    const cdp = await page.context().newCDPSession(page)
    const openedAt = Date.now()
    await page.goto(`${url}#/board`)
    await page.waitForFunction(
      `document.querySelector('[data-kpi="waiting"] .value')?.textContent === '${CALLBACKS}' && document.querySelectorAll('[data-conversation-id]').length > 0`,
      undefined,
      { timeout: 60_000 }
    )
    const fullBoardMs = Date.now() - openedAt
    // In-page code is passed as text: this file is type-checked as Node code, without DOM types.
    await page.evaluate(`(() => {
      window.__seen = []
      new MutationObserver((records) => {
        const at = performance.timeOrigin + performance.now()
        for (const r of records) {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement
          const row = el?.closest('[data-testid="row-attempts"]')?.closest('[data-conversation-id]')
          if (row) window.__seen.push([row.getAttribute('data-conversation-id'), at])
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })()`)
    const visible = (await page.evaluate(
      `[...document.querySelectorAll('[data-conversation-id]')].map((r) => r.getAttribute('data-conversation-id'))`
    )) as string[]
    const onScreen = visible.slice(0, Math.max(1, visible.length - 2))
    const offScreen = ids.filter((id) => !visible.includes(id))
    const sent: [string, number][] = []
    const start = Date.now()
    let background = 0
    for (let second = 0; second < SECONDS; second++) {
      const tick = Date.now()
      for (let slot = 0; slot < 20; slot++) {
        for (let k = 0; k < (EVENTS_PER_SECOND - PROBES_PER_SECOND) / 20; k++) touch(offScreen[background++ % offScreen.length])
        if (slot % 2 === 0) {
          const id = onScreen[sent.length % onScreen.length]
          sent.push([id, Date.now()])
          touch(id)
        }
        await new Promise((r) => setTimeout(r, Math.max(0, tick + (slot + 1) * 50 - Date.now())))
      }
    }
    await new Promise((r) => setTimeout(r, 1000))
    const seen = (await page.evaluate('window.__seen')) as [string, number][]
    const latencies: number[] = []
    const seenById = new Map<string, number[]>()
    for (const [id, at] of seen) seenById.set(id, [...(seenById.get(id) ?? []), at])
    for (const [id, at] of sent) {
      const list = seenById.get(id) ?? []
      const index = list.findIndex((t) => t >= at)
      if (index >= 0) {
        latencies.push(list[index] - at)
        list.splice(0, index + 1)
      }
    }
    latencies.sort((a, b) => a - b)
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
    const main = rssMiB(child.pid!)
    return {
      callbacks: CALLBACKS,
      eventsPerSecond: EVENTS_PER_SECOND,
      seconds: round((Date.now() - start) / 1000),
      fullBoardShownMs: fullBoardMs,
      eventToScreenMs: {
        probes: sent.length,
        measured: latencies.length,
        p50: round(pct(latencies, 50)),
        p99: round(pct(latencies, 99)),
        max: round(latencies.at(-1) ?? NaN)
      },
      rendererHeapMiB: round(heap.usedSize / 2 ** 20),
      mainRssMiB: main.rss,
      mainPeakRssMiB: main.peak,
      targets: { p50Ms: 16, p99Ms: 50, fullBoardMs: 1500, rendererHeapMiB: 150, mainRssMiB: 250 }
    }
  } finally {
    await browser.close()
    child.kill('SIGTERM')
    await demo.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}
