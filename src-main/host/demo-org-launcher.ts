import { startDemoOrg, type DemoOrg } from '../sim/server'
import type { Disposable } from '../core/disposable'

/**
 * Where "Demo org" points: a demo org already running (`--sim-url`, so several consoles can watch one org) or
 * one embedded in this process, started on first use on a random loopback port, seeded and deployed.
 */
export class DemoOrgLauncher implements Disposable {
  private embedded: Promise<DemoOrg> | null = null

  constructor(
    private readonly simUrl: string | null,
    private readonly log: (line: string) => void,
    private readonly seed = 1
  ) {}

  /** Base URL of the demo org (`http://127.0.0.1:PORT`), starting the embedded one if needed. */
  async baseUrl(): Promise<string> {
    if (this.simUrl) return this.simUrl.replace(/\/+$/, '')
    this.embedded ??= startDemoOrg({ seed: this.seed, log: (line) => this.log(line) }).then((demo) => {
      this.log(`[DemoOrg] embedded demo org listening at ${demo.baseUrl}`)
      return demo
    })
    return (await this.embedded).baseUrl
  }

  dispose(): void {
    void this.embedded?.then((demo) => demo.close())
    this.embedded = null
  }
}
