import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { EventName, EventPayload } from '../contract'
import type {
  ActionOutcomeView,
  BoardSnapshotView,
  ConnectionView,
  DeploymentProfileView,
  ProfileCandidatesView,
  SessionView,
  TimelineEntryView
} from '../contract/live-views'
import { err, ok, type Result } from '../contract/result'
import { evaluateAlerts, type AlertMemory } from '../core/alerts'
import { createAuditRecord, type AuditInput, type AuditRecord } from '../core/audit'
import { EMPTY_KPIS } from '../core/board/board-types'
import { DisposableStore, toDisposable, type Disposable } from '../core/disposable'
import type { Actor } from '../core/lifecycle-model'
import { CallbackActions } from '../genesys/actions/callback-actions'
import type { ApiResult } from '../genesys/gateway-types'
import { LiveBoardService } from '../genesys/live/board-service'
import { listProfileCandidates } from '../genesys/profile/profile-candidates'
import { ProfileStore } from '../genesys/profile/profile-store'
import type { DeploymentProfile } from '../genesys/profile/profile-schema'
import { GenesysSession } from '../genesys/session/session'
import type { UnmaskedExportEvent } from '../genesys/history/history-service'
import { AuditLog } from './audit-log'
import type { DemoOrgLauncher } from './demo-org-launcher'
import type { SecretStorage } from './secret-storage'
import { buildTimeline } from './timeline'

/** The demo org's full-admin OAuth client (documented in the README; the demo org is loopback-only). */
const DEMO_CLIENT = { id: 'callback-console-demo', secret: 'demo-secret' } as const

export interface LiveConsoleOptions {
  readonly secrets: SecretStorage
  readonly dataDir: string
  readonly demo: DemoOrgLauncher
  /** Opens the PKCE authorize page in the system browser (allow-list checked by the shell). */
  readonly openExternal: (url: string) => Promise<void>
  /** Desktop notification (desktop shell only); the renderer shows a toast either way. */
  readonly notify?: (title: string, body: string) => void
  readonly emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  readonly now: () => number
  readonly log: (line: string) => void
  /** Waiting callbacks above which the backlog alert fires; null = off. */
  readonly backlogThreshold: () => number | null
}

const toResult = <T>(r: ApiResult<T>): Result<T> => (r.ok ? ok(r.value) : err(r.error.code, r.error.message))

/**
 * Everything "live" in main, composed: the Genesys session, the deployment profile, the live board service,
 * callback actions with their audit, and alerts. Commands call into it; it pushes session, board, connection
 * and alert events. It keeps no callback state of its own beyond the board replica (Genesys is the truth).
 */
export class LiveConsole implements Disposable {
  readonly session: GenesysSession
  private readonly profiles: ProfileStore
  private readonly audit: AuditLog
  private readonly actions: CallbackActions
  private readonly store = new DisposableStore()
  private board: LiveBoardService | null = null
  private boardListeners = new DisposableStore()
  private profile: DeploymentProfile | null = null
  private alertMemory: AlertMemory = new Set()
  private notLiveSince: number | null = null
  private readonly alertTimer: ReturnType<typeof setInterval>

  constructor(private readonly options: LiveConsoleOptions) {
    this.session = this.store.add(
      new GenesysSession({ secrets: options.secrets, openExternal: options.openExternal, log: options.log })
    )
    this.profiles = new ProfileStore(options.dataDir)
    this.audit = new AuditLog(join(options.dataDir, 'audit'), options.log)
    this.actions = new CallbackActions({
      gateway: this.session.gateway,
      contactListId: () => this.profile?.contactListId ?? null,
      actor: () => this.actor(),
      now: options.now,
      newId: randomUUID,
      audit: (input) => void this.record(input)
    })
    this.store.add(this.session.onDidChange((view) => options.emit('session:changed', view)))
    this.store.add(
      this.session.onDidChangeToken((change) => {
        this.board?.handleTokenChange(change)
        if (change === 'signed-in') void this.afterSignIn()
        if (change === 'signed-out') this.stopBoard()
      })
    )
    this.alertTimer = setInterval(() => this.checkAlerts(), 1_000)
    this.store.add(toDisposable(() => clearInterval(this.alertTimer)))
  }

  sessionView(): SessionView {
    return this.session.view()
  }

  /** One click: the demo org (embedded or `--sim-url`) with its full-admin demo client. */
  async connectDemo(): Promise<Result<SessionView>> {
    let baseUrl: string
    try {
      baseUrl = await this.options.demo.baseUrl()
    } catch (e: unknown) {
      this.options.log(`[LiveConsole] demo org failed to start: ${e instanceof Error ? e.message : String(e)}`)
      return err('demo-unavailable', 'The demo org could not be started. The details are in the log.')
    }
    return toResult(await this.session.signInWithClientCredentials({ kind: 'demo', baseUrl }, DEMO_CLIENT.id, DEMO_CLIENT.secret))
  }

  async signIn(
    input:
      | { method: 'pkce'; regionId: string; clientId: string }
      | { method: 'client-credentials'; regionId: string; clientId: string; clientSecret: string; remember: boolean }
  ): Promise<Result<SessionView>> {
    const target = { kind: 'region' as const, regionId: input.regionId }
    const result =
      input.method === 'pkce'
        ? await this.session.signInWithBrowser(target, input.clientId)
        : await this.session.signInWithClientCredentials(target, input.clientId, input.clientSecret, input.remember)
    return toResult(result)
  }

  /** Gives up a browser sign-in that is still waiting for its redirect; the pending sign-in answers `cancelled`. */
  cancelSignIn(): SessionView {
    this.session.cancelSignIn()
    return this.sessionView()
  }

  async signOut(): Promise<SessionView> {
    this.stopBoard()
    return this.session.signOut()
  }

  currentProfile(): DeploymentProfileView | null {
    return this.profile
  }

  async candidates(): Promise<Result<ProfileCandidatesView>> {
    return toResult(await listProfileCandidates(this.session.gateway, this.profile))
  }

  async saveProfile(input: DeploymentProfileView): Promise<Result<DeploymentProfileView>> {
    const orgId = this.session.orgId
    if (!orgId) return err('not-signed-in', 'Sign in first.')
    const saved = await this.profiles.save(orgId, input)
    if (!saved.ok) return toResult(saved)
    this.startBoard(saved.value)
    return ok(saved.value)
  }

  snapshot(): BoardSnapshotView {
    if (this.board) return this.board.snapshotView()
    return {
      rows: [],
      kpis: EMPTY_KPIS,
      connection: this.offlineConnection(),
      serverNow: new Date(this.options.now()).toISOString()
    }
  }

  cancel(ids: readonly string[], reason: string, note?: string): Promise<Result<readonly ActionOutcomeView[]>> {
    return this.act(() => this.actions.cancel(ids, reason, note))
  }

  reschedule(
    ids: readonly string[],
    target: { dueAtMs: number } | { shiftMinutes: number }
  ): Promise<Result<readonly ActionOutcomeView[]>> {
    return this.act(() => this.actions.reschedule(ids, target))
  }

  callNow(ids: readonly string[]): Promise<Result<readonly ActionOutcomeView[]>> {
    return this.act(() => this.actions.callNow(ids))
  }

  /** The full number of one callback, audited. Served from the board replica when it has it. */
  async revealNumber(id: string): Promise<Result<string>> {
    if (!this.session.apis) return err('not-signed-in', 'Sign in first.')
    let number = this.board?.board.numberOf(id) ?? null
    if (number === null) {
      const read = await this.actions.read(id)
      if (!read.ok) return toResult(read)
      number = read.value.phoneNumber
    }
    if (number === null) return err('no-number', 'This callback has no phone number.')
    await this.record({ actor: this.actor(), action: 'reveal-number', conversationId: id, phoneNumber: number, result: 'ok' })
    return ok(number)
  }

  async timeline(id: string): Promise<Result<readonly TimelineEntryView[]>> {
    if (!this.session.apis) return err('not-signed-in', 'Sign in first.')
    const read = await this.actions.read(id)
    if (!read.ok) return toResult(read)
    const day = new Date(this.options.now()).toISOString().slice(0, 10)
    const audit = (await this.audit.list(day)).filter((r) => r.conversationId === id)
    return ok(buildTimeline(read.value.attributes, read.value.truth.dueAtMs, audit))
  }

  /** Audits a History export with full phone numbers (who, which table, which days) before it is handed out. */
  async recordUnmaskedExport(event: UnmaskedExportEvent): Promise<void> {
    const days = event.from === event.to ? event.from : `${event.from} to ${event.to}`
    await this.record({
      actor: this.actor(),
      action: 'export-unmasked',
      conversationId: 'history',
      result: 'ok',
      detail: `${event.title}, ${days} (${event.timeZone}), ${event.rows} rows with full numbers`
    })
  }

  auditOf(day: string): Promise<AuditRecord[]> {
    return this.audit.list(day)
  }

  dispose(): void {
    this.stopBoard()
    this.store.dispose()
  }

  // ---- internals ---------------------------------------------------------------------------------------------

  private async act(run: () => Promise<ActionOutcomeView[]>): Promise<Result<readonly ActionOutcomeView[]>> {
    if (!this.session.apis) return err('not-signed-in', 'Sign in first.')
    if (!this.profile) return err('no-profile', 'Choose which holding queue and campaign this console watches first.')
    const outcomes = await run()
    // Our own writes arrive as events too; a quick reconcile covers a dropped socket at the wrong moment.
    if (outcomes.some((o) => !o.ok)) void this.board?.reconcileNow('action conflict')
    return ok(outcomes)
  }

  private actor(): Actor {
    const name = this.session.view().principalName ?? 'Console user'
    return { kind: 'user', id: name, name }
  }

  private async record(input: AuditInput): Promise<void> {
    await this.audit.append(createAuditRecord(input, this.options.now(), Math.random))
  }

  private async afterSignIn(): Promise<void> {
    const orgId = this.session.orgId
    if (!orgId) return
    const saved = await this.profiles.load(orgId)
    if (saved.ok && saved.value) return this.startBoard(saved.value)
    if (this.session.view().target !== 'demo') return
    // The demo org is deployed already: adopt the suggested profile so the first run shows a live board.
    const candidates = await listProfileCandidates(this.session.gateway, null)
    if (candidates.ok && candidates.value.suggested) await this.saveProfile(candidates.value.suggested)
  }

  private startBoard(profile: DeploymentProfile): void {
    this.stopBoard()
    this.profile = profile
    const board = new LiveBoardService({ gateway: this.session.gateway, profile, log: this.options.log })
    this.boardListeners.add(board.onDidChange((diff) => this.options.emit('board:changed', diff)))
    this.boardListeners.add(
      board.onDidChangeConnection((view) => {
        this.notLiveSince = view.state === 'live' ? null : (this.notLiveSince ?? this.options.now())
        this.options.emit('board:connection', view)
      })
    )
    this.board = board
    board.start()
  }

  private stopBoard(): void {
    this.boardListeners.dispose()
    this.boardListeners = new DisposableStore()
    this.board?.dispose()
    this.board = null
    this.options.emit('board:connection', this.offlineConnection())
  }

  private offlineConnection(): ConnectionView {
    return { state: 'offline', since: null, detail: null, rejectedTopics: [] }
  }

  private checkAlerts(): void {
    if (!this.board) return
    const { raised, memory } = evaluateAlerts(
      {
        nowMs: this.options.now(),
        kpis: this.board.board.kpis(),
        live: this.board.connection().state === 'live',
        notLiveSinceMs: this.notLiveSince,
        backlogThreshold: this.options.backlogThreshold()
      },
      this.alertMemory
    )
    this.alertMemory = memory
    for (const alert of raised) {
      this.options.emit('alerts:raised', {
        id: randomUUID(),
        kind: alert.kind,
        message: alert.message,
        at: new Date(this.options.now()).toISOString()
      })
      this.options.notify?.('Callback Console', alert.message)
    }
  }
}
