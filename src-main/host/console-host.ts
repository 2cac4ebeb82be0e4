import { ok, type CommandHandlers, type EventName, type EventPayload } from '../contract'
import { DisposableStore, Emitter, type Disposable } from '../core/disposable'
import { listRegions } from '../genesys/regions'
import { DemoOrgLauncher } from './demo-org-launcher'
import { buildDiagnostics, formatSupportSummary } from './diagnostics'
import type { HostEnvironment } from './environment'
import { LiveConsole } from './live-console'
import { HistoryService } from '../genesys/history/history-service'
import { SettingsStore } from './settings-store'
import { SetupService } from './setup-service'

/** A pushed event as it leaves the host, before a shell serialises it. */
export interface HostEvent<E extends EventName = EventName> {
  readonly event: E
  readonly payload: EventPayload<E>
}

/**
 * The composition root both shells share: it owns the services, answers every command, and pushes events.
 * Shells only move bytes between it and the renderer (Electron IPC or the web bridge).
 */
export class ConsoleHost implements Disposable {
  readonly handlers: CommandHandlers
  private readonly store = new DisposableStore()
  private readonly events = this.store.add(new Emitter<HostEvent>())
  private readonly startedAt: Date
  private readonly live: LiveConsole
  private readonly settings: SettingsStore

  /** Fires for every pushed event; shells forward it to their renderer(s). */
  readonly onEvent = this.events.event

  constructor(private readonly env: HostEnvironment) {
    this.startedAt = env.now()
    const demo = this.store.add(new DemoOrgLauncher(env.simUrl ?? null, env.log))
    const settings = (this.settings = this.store.add(new SettingsStore(env.dataDir, env.log)))
    this.store.add(settings.onDidChange((view) => this.emit('settings:changed', view)))
    this.live = this.store.add(
      new LiveConsole({
        secrets: env.secrets,
        dataDir: env.dataDir,
        demo,
        openExternal: env.openExternal ?? (async () => Promise.reject(new Error('This shell cannot open a browser.'))),
        notify: env.notify
          ? (title: string, body: string) => {
              if (settings.get().alerts.desktopNotifications) env.notify?.(title, body)
            }
          : undefined,
        emit: (event, payload) => this.emit(event, payload),
        now: () => env.now().getTime(),
        log: env.log,
        backlogThreshold: () => settings.get().alerts.backlogThreshold
      })
    )
    const live = this.live
    const setup = new SetupService({
      gateway: () => (live.session.apis ? live.session.gateway : null),
      onProgress: (event) => this.emit('setup:progress', event),
      adoptProfile: (profile) => live.saveProfile(profile)
    })
    const history = new HistoryService({
      gateway: live.session.gateway,
      target: () => {
        const profile = live.currentProfile()
        return profile ? { holdingQueueId: profile.holdingQueueId, campaignId: profile.campaignId } : null
      },
      auditUnmaskedExport: (event) => live.recordUnmaskedExport(event),
      clock: () => env.now().getTime(),
      log: env.log
    })
    this.store.add({ dispose: () => history.clear() })
    const day = (): string => env.now().toISOString().slice(0, 10)
    this.handlers = {
      'app:diagnostics': async () => ok(buildDiagnostics(this.env, this.startedAt)),
      'app:support-summary': async () => ok(formatSupportSummary(buildDiagnostics(this.env, this.startedAt), this.env.now())),
      'session:get': async () => ok(live.sessionView()),
      'session:regions': async () => ok(listRegions()),
      'session:connect-demo': () => live.connectDemo(),
      'session:sign-in': (input) => live.signIn(input),
      'session:sign-out': async () => {
        history.clear()
        return ok(await live.signOut())
      },
      'session:cancel-sign-in': async () => ok(live.cancelSignIn()),
      'profile:candidates': () => live.candidates(),
      'profile:get': async () => ok(live.currentProfile()),
      'profile:save': (input) => {
        history.clear()
        return live.saveProfile(input)
      },
      'board:snapshot': async () => ok(live.snapshot()),
      'callbacks:cancel': (input) => live.cancel(input.ids, input.reason, input.note),
      'callbacks:reschedule': (input) =>
        live.reschedule(
          input.ids,
          'dueAt' in input ? { dueAtMs: Date.parse(input.dueAt) } : { shiftMinutes: input.shiftMinutes }
        ),
      'callbacks:call-now': (input) => live.callNow(input.ids),
      'callbacks:reveal-number': (input) => live.revealNumber(input.id),
      'callbacks:timeline': (input) => live.timeline(input.id),
      'audit:list': async (input) => ok(await live.auditOf(input.day ?? day())),
      'setup:choices': () => setup.choices(),
      'setup:validate': async (draft) => ok(setup.validate(draft)),
      'setup:preflight': (inputs) => setup.preflight(inputs),
      'setup:plan': (inputs) => setup.plan(inputs),
      'setup:apply': (inputs) => setup.apply(inputs),
      'setup:verify': (inputs) => setup.verify(inputs),
      'setup:teardown-plan': (scope) => setup.planTeardown(scope),
      'setup:teardown': (scope) => setup.teardown(scope),
      'history:run': (input) =>
        history.run(
          {
            runId: input.runId,
            range: { from: input.from, to: input.to, timeZone: input.timeZone },
            toleranceMinutes: input.toleranceMinutes ?? settings.get().history.toleranceMinutes
          },
          (progress) => this.emit('history:progress', progress)
        ),
      'history:cancel': async (input) => ok(history.cancel(input.runId)),
      'history:export': (input) => history.export(input),
      'settings:get': async () => ok(settings.get()),
      'settings:save': (input) => settings.save(input)
    }
  }

  /** Starts the services; resolves when the host can answer commands. */
  async boot(): Promise<void> {
    await this.settings.load()
    this.env.log(`[ConsoleHost] booted (${this.env.shell})`)
    if (this.env.autoConnectDemo) {
      const result = await this.live.connectDemo()
      if (!result.ok) this.env.log(`[ConsoleHost] could not connect to the demo org: ${result.error.message}`)
    }
  }

  /** Pushes an event to every connected renderer. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.events.fire({ event, payload } as HostEvent)
  }

  async shutdown(): Promise<void> {
    this.dispose()
  }

  dispose(): void {
    this.store.dispose()
  }
}
