import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface WebProcess {
  readonly url: string
  readonly port: number
  readonly dataDir: string
  readonly stderr: () => string
  stop(): Promise<void>
}

/** Starts the built web shell (`out/main/web.js`) exactly as `npm run web -- --no-open` does, and reads its URL line. */
export async function startWebProcess(
  args: readonly string[] = [],
  options: { entry?: 'web' | 'launch'; env?: NodeJS.ProcessEnv } = {}
): Promise<WebProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cc-e2e-data-'))
  const entry = resolve(import.meta.dirname, `../../out/main/${options.entry ?? 'web'}.js`)
  const child: ChildProcess = spawn(process.execPath, [entry, '--no-open', ...args], {
    env: { ...process.env, ...options.env, CALLBACK_CONSOLE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stderr?.on('data', (c) => (stderr += c))
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web shell printed no URL in 20 s. stderr: ${stderr}`)), 20_000)
    child.stdout?.on('data', (chunk) => {
      stdout += chunk
      const match = /(http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]+\/)/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`web shell exited early (${code}): ${stderr}`)))
  })
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      await rm(dataDir, { recursive: true, force: true })
    }
  }
}
