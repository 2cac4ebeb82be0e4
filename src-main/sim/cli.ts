/**
 * `npm run sim -- [--port N] [--seed N] [--speed X] [--empty] [--flows ours|blueprint]`: runs the demo org
 * standalone, prints exactly one line (its base URL) on stdout when ready, and closes cleanly on SIGINT/SIGTERM.
 * `SIM_ADMIN_TOKEN` sets the secret for the `/__sim/faults` admin route.
 */
import { pathToFileURL } from 'node:url'
import { startDemoOrg, type DemoOrgOptions } from './server'

/** Parsed command line, or an error message for the usage line. */
export function parseArgs(argv: readonly string[]): DemoOrgOptions | { error: string } {
  const out: DemoOrgOptions = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined]
    const value = (): string | undefined => inline ?? argv[++i]
    switch (flag) {
      case '--port': {
        const n = Number(value())
        if (!Number.isInteger(n) || n < 0 || n > 65535) return { error: '--port needs an integer 0..65535' }
        out.port = n
        break
      }
      case '--seed': {
        const n = Number(value())
        if (!Number.isInteger(n)) return { error: '--seed needs an integer' }
        out.seed = n
        break
      }
      case '--speed': {
        const n = Number(value())
        if (!(n > 0) || n > 10_000) return { error: '--speed needs a number > 0' }
        out.speed = n
        break
      }
      case '--empty':
        out.empty = true
        break
      case '--flows': {
        const v = value()
        if (v !== 'ours' && v !== 'blueprint') return { error: "--flows must be 'ours' or 'blueprint'" }
        out.flows = v
        break
      }
      default:
        return { error: `unknown argument '${arg}'` }
    }
  }
  return out
}

const USAGE = 'usage: npm run sim -- [--port N] [--seed N] [--speed X] [--empty] [--flows ours|blueprint]'

/** Entry point. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const parsed = parseArgs(argv)
  if ('error' in parsed) {
    console.error(`[DemoOrg] ${parsed.error}\n${USAGE}`)
    process.exitCode = 2
    return
  }
  const adminToken = process.env.SIM_ADMIN_TOKEN
  const demo = await startDemoOrg({ ...parsed, ...(adminToken ? { adminToken } : {}) })
  process.stdout.write(`${demo.baseUrl}\n`)
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    console.error(`[DemoOrg] ${signal} received, closing`)
    demo.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('[DemoOrg] close failed', e)
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

// Runs when this file is the process entry (built `sim` script); importing it (tests) does nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error('[DemoOrg] failed to start', e)
    process.exit(1)
  })
}
