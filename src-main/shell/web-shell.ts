import { arch, platform } from 'node:os'
import { join } from 'node:path'
import { ConsoleHost } from '../host/console-host'
import { MemorySecretStorage } from '../host/secret-storage'
import { APP_NAME, APP_VERSION } from './app-info'
import { parseShellArgs } from './args'
import { resolveDataDir } from './data-dir'
import { isAllowedExternalUrl } from './external-links'
import { openInBrowser } from './open-browser'
import { startWebServer } from './web-server'

/**
 * Runs the console in web mode: the same host as the desktop app, served to the system browser on loopback.
 * Prints exactly one line to stdout, the URL to open; everything else goes to stderr.
 */
export async function runWebShell(argv: readonly string[], rendererDir: string): Promise<void> {
  const log = (line: string): void => void process.stderr.write(line + '\n')
  const parsed = parseShellArgs(argv)
  if (!parsed.ok) {
    log(parsed.message)
    process.exitCode = 2
    return
  }
  const host = new ConsoleHost({
    shell: 'web',
    appName: APP_NAME,
    appVersion: APP_VERSION,
    dataDir: resolveDataDir(),
    versions: { node: process.versions.node, electron: null, chromium: null, v8: process.versions.v8 },
    platform: platform(),
    arch: arch(),
    secrets: new MemorySecretStorage('Web mode keeps sign-in tokens in memory only; they are gone when the console stops.'),
    now: () => new Date(),
    log,
    simUrl: parsed.args.simUrl,
    autoConnectDemo: parsed.args.demo,
    openExternal: async (url) => {
      if (!isAllowedExternalUrl(url)) throw new Error('That address is not on the allow-list.')
      openInBrowser(url, log)
    }
  })
  await host.boot()
  const server = await startWebServer({ host, rendererDir, port: parsed.args.port, log })
  process.stdout.write(`Callback Console is running at ${server.url}\n`)
  if (parsed.args.open) openInBrowser(server.url, log)

  const stop = async (): Promise<void> => {
    await server.close()
    await host.shutdown()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
}

/** The built renderer next to the built main output (`out/main` → `out/renderer`). */
export function defaultRendererDir(mainDir: string): string {
  return join(mainDir, '..', 'renderer')
}
