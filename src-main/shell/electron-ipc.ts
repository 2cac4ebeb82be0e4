import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { dispatchCommand } from '../contract/dispatch'
import { COMMAND_NAMES } from '../contract/names'
import { err } from '../contract/result'
import { DisposableStore, toDisposable, type Disposable } from '../core/disposable'
import type { ConsoleHost } from '../host/console-host'

/** The renderer's origin under the app:// protocol; frames from anywhere else are not ours. */
export const APP_ORIGIN = 'app://bundle'

/**
 * True only for calls from our own window's main frame loaded from the app bundle. Checked on every call:
 * a compromised or navigated frame must not reach the host.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  trusted: () => WebContents | null
): boolean {
  const expected = trusted()
  if (!expected || event.sender !== expected) return false
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  try {
    // `origin` is "null" for non-special schemes in WHATWG URL, so compare scheme and host instead.
    const url = new URL(frame.url)
    return `${url.protocol}//${url.host}` === APP_ORIGIN
  } catch {
    return false
  }
}

/**
 * The one place `ipcMain` is used: a handler per command name, each checking the sender and then going
 * through the same validating dispatcher as the web bridge. Pushed events go to the trusted window only.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  host: ConsoleHost,
  trusted: () => WebContents | null,
  log: (line: string) => void
): Disposable {
  const store = new DisposableStore()
  for (const command of COMMAND_NAMES) {
    ipcMain.handle(command, async (event, input: unknown) => {
      if (!isTrustedSender(event, trusted)) {
        log(`[IPC] refused ${command} from an untrusted sender`)
        return err('forbidden', 'This window is not allowed to talk to the console.')
      }
      return dispatchCommand(host.handlers, command, input, log)
    })
    store.add(toDisposable(() => ipcMain.removeHandler(command)))
  }
  store.add(
    host.onEvent(({ event, payload }) => {
      const target = trusted()
      if (target && !target.isDestroyed()) target.send(event, payload)
    })
  )
  return store
}
