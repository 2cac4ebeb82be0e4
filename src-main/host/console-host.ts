import { ok, type CommandHandlers, type EventName, type EventPayload } from '../contract'
import { DisposableStore, Emitter, type Disposable } from '../core/disposable'
import { buildDiagnostics, formatSupportSummary } from './diagnostics'
import type { HostEnvironment } from './environment'

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

  /** Fires for every pushed event; shells forward it to their renderer(s). */
  readonly onEvent = this.events.event

  constructor(private readonly env: HostEnvironment) {
    this.startedAt = env.now()
    this.handlers = {
      'app:diagnostics': async () => ok(buildDiagnostics(this.env, this.startedAt)),
      'app:support-summary': async () =>
        ok(formatSupportSummary(buildDiagnostics(this.env, this.startedAt), this.env.now()))
    }
  }

  /** Starts the services; resolves when the host can answer commands. */
  async boot(): Promise<void> {
    this.env.log(`[ConsoleHost] booted (${this.env.shell})`)
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
