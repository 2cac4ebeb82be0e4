import { z } from 'zod'

/** Options shared by `npm start` and `npm run web`. */
export interface ShellArgs {
  readonly port: number
  readonly open: boolean
  readonly demo: boolean
  readonly simUrl: string | null
}

const portSchema = z.coerce.number().int().min(0).max(65535)

/** Parses `--port N`, `--no-open`, `--demo`, `--sim-url URL`; returns a plain error message for bad input. */
export function parseShellArgs(argv: readonly string[]): { ok: true; args: ShellArgs } | { ok: false; message: string } {
  let port = 0
  let open = true
  let demo = false
  let simUrl: string | null = null
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    const value = (): string | undefined => inline ?? argv[++i]
    switch (flag) {
      case '--port': {
        const parsed = portSchema.safeParse(value())
        if (!parsed.success) return { ok: false, message: '--port needs a number from 0 to 65535.' }
        port = parsed.data
        break
      }
      case '--no-open':
        open = false
        break
      case '--demo':
        demo = true
        break
      case '--sim-url': {
        const raw = value()
        if (!raw || !URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
          return { ok: false, message: '--sim-url needs the demo org address, like http://127.0.0.1:8080.' }
        }
        simUrl = raw
        break
      }
      default:
        return { ok: false, message: `Unknown option ${flag}. Use --port N, --no-open, --demo or --sim-url URL.` }
    }
  }
  return { ok: true, args: { port, open, demo, simUrl } }
}
