import { chromium as playwright, type Browser } from 'playwright-core'

/**
 * Flags for a clean, offline headless Chromium. We deliberately do not use @sparticuz/chromium's own `args`:
 * they are tuned for AWS Lambda and include `--disable-web-security` and `--single-process`, which would make
 * the origin checks these tests prove meaningless and let one closed page take the browser down.
 */
const ARGS = [
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync'
]

/**
 * Launches headless Chromium without downloading anything: `CHROMIUM_PATH` when set, otherwise the binary that
 * ships inside the @sparticuz/chromium npm package (unpacked to the temp folder on first use).
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || (await (await import('@sparticuz/chromium')).default.executablePath())
  return playwright.launch({ executablePath, args: ARGS, headless: true })
}
