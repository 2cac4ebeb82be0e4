import type { DiagnosticsView } from '../contract/views'
import type { HostEnvironment } from './environment'

/** Builds the Diagnostics view from facts the shell gathered; pure so it can be tested without a shell. */
export function buildDiagnostics(env: HostEnvironment, startedAt: Date): DiagnosticsView {
  return {
    appName: env.appName,
    appVersion: env.appVersion,
    shell: env.shell,
    versions: { ...env.versions },
    platform: env.platform,
    arch: env.arch,
    secureStorage: { available: env.secrets.available, detail: env.secrets.detail },
    dataDir: env.dataDir,
    startedAt: startedAt.toISOString()
  }
}

/**
 * A plain-text summary a lead can paste into a support ticket. It carries versions and settings only:
 * never a token, secret, phone number or caller name.
 */
export function formatSupportSummary(view: DiagnosticsView, now: Date): string {
  const lines = [
    `${view.appName} ${view.appVersion} (${view.shell === 'desktop' ? 'desktop app' : 'web mode'})`,
    `Generated: ${now.toISOString()}`,
    `Running since: ${view.startedAt}`,
    `Platform: ${view.platform} ${view.arch}`,
    `Node: ${view.versions.node}`,
    `Electron: ${view.versions.electron ?? 'not used (web mode)'}`,
    `Chromium: ${view.versions.chromium ?? 'the system browser'}`,
    `V8: ${view.versions.v8}`,
    `Secure token storage: ${view.secureStorage.available ? 'available' : 'not available'} — ${view.secureStorage.detail}`,
    `Data folder: ${view.dataDir}`
  ]
  return lines.join('\n')
}
