import type { CommandInput, CommandOutput } from './commands'
import type { EventPayload } from './events'
import type { CommandName, EventName } from './names'
import type { Result } from './result'

/**
 * The whole surface the renderer gets, identical in both shells: `window.callbackConsole` in Electron
 * (preload + contextBridge) and the bridge WebSocket client in web mode.
 */
export interface ConsoleApi {
  invoke<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
