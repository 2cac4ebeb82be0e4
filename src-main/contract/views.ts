/** Views are what the renderer is allowed to see: plain, readonly, serialisable, and never a token. */

export type ShellKind = 'desktop' | 'web'

/** Facts about the running console, gathered in main, for the Diagnostics page and support requests. */
export interface DiagnosticsView {
  readonly appName: string
  readonly appVersion: string
  readonly shell: ShellKind
  readonly versions: {
    readonly node: string
    readonly electron: string | null
    readonly chromium: string | null
    readonly v8: string
  }
  readonly platform: string
  readonly arch: string
  readonly secureStorage: {
    readonly available: boolean
    /** Why tokens are or are not encrypted at rest, in plain words. */
    readonly detail: string
  }
  readonly dataDir: string
  readonly startedAt: string
}

/** A short message from main that the renderer shows as a toast. */
export interface NoticeView {
  readonly level: 'info' | 'warning' | 'error'
  readonly message: string
}
