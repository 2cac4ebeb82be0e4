import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const nodeRequire = createRequire(import.meta.url)

/** Path of the Electron executable if npm's electron package has its binary; null when it was never downloaded. */
export function findElectronBinary(): string | null {
  try {
    const path = nodeRequire('electron') as unknown
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

/**
 * Runs Electron's own installer (the postinstall we skip with `allowScripts`), which downloads the binary.
 * Returns whether it worked; offline it fails within seconds on the DNS lookup.
 */
export function fetchElectronBinary(log: (line: string) => void, timeoutMs = 180_000): boolean {
  let installer: string
  try {
    installer = join(dirname(nodeRequire.resolve('electron/package.json')), 'install.js')
  } catch {
    log('[Launch] the electron package is not installed; run npm install first')
    return false
  }
  log('[Launch] downloading the Electron runtime (first start only)…')
  const run = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs })
  if (run.status === 0 && findElectronBinary()) return true
  const reason =
    run.error?.message ??
    run.stderr
      ?.toString()
      .split('\n')
      .find((l) => /error/i.test(l)) ??
    `exit ${run.status}`
  log(`[Launch] Electron download failed: ${reason.trim()}`)
  return false
}
