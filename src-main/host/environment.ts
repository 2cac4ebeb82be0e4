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
}
