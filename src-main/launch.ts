import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { findElectronBinary, fetchElectronBinary } from './shell/electron-binary'
import { defaultRendererDir, runWebShell } from './shell/web-shell'

/**
 * `npm start`: launch the desktop app, fetching Electron on first use; when it cannot be had (offline,
 * locked-down desktop) say so in one sentence and run the very same console in web mode instead.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const log = (line: string): void => void process.stderr.write(line + '\n')
  const binary = findElectronBinary() ?? (fetchElectronBinary(log) ? findElectronBinary() : null)
  if (!binary) {
    process.stderr.write(
      'The Electron desktop runtime is not installed and could not be downloaded, so Callback Console is opening in web mode in your browser instead.\n'
    )
    await runWebShell(argv, defaultRendererDir(import.meta.dirname))
    return
  }
  const appRoot = join(import.meta.dirname, '..', '..')
  const child = spawn(binary, [appRoot, ...argv], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal))
}

void main()
