import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { ConsoleApi } from './contract/api'
import { isCommandName, isEventName } from './contract/names'

/**
 * The renderer's only door to main: `window.callbackConsole`, exactly the ConsoleApi and nothing more.
 * Channel names are allow-listed here as well as in main, and Electron objects never leak through.
 */
const api: ConsoleApi = {
  invoke(command, input) {
    if (!isCommandName(command)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-command', message: 'That action is not available.' } })
    }
    return ipcRenderer.invoke(command, input)
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`)
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload as never)
    ipcRenderer.on(event, wrapped)
    return () => void ipcRenderer.removeListener(event, wrapped)
  }
}

contextBridge.exposeInMainWorld('callbackConsole', api)
