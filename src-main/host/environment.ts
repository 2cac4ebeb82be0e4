import type { ShellKind } from '../contract/views'
import type { SecretStorage } from './secret-storage'

/** What a shell tells the host about where it runs; everything else the host builds itself. */
export interface HostEnvironment {
  readonly shell: ShellKind
  readonly appName: string
  readonly appVersion: string
  readonly dataDir: string
  readonly versions: {
    readonly node: string
    readonly electron: string | null
    readonly chromium: string | null
    readonly v8: string
  }
  readonly platform: string
  readonly arch: string
  readonly secrets: SecretStorage
  readonly now: () => Date
  readonly log: (line: string) => void
  /** Opens a URL in the system browser after the shell's allow-list check (PKCE sign-in). */
  readonly openExternal?: (url: string) => Promise<void>
  /** Shows a desktop notification (desktop shell only). */
  readonly notify?: (title: string, body: string) => void
  /** `--sim-url`: a demo org that is already running; otherwise "Demo org" starts one in this process. */
  readonly simUrl?: string | null
  /** `--demo`: connect to the demo org at start-up. */
  readonly autoConnectDemo?: boolean
}
