import { join } from 'node:path'
import { app, BrowserWindow, ipcMain, Menu, Notification, protocol, safeStorage, screen, session, shell } from 'electron'
import { ConsoleHost } from './host/console-host'
import { buildAppMenuTemplate } from './shell/app-menu'
import { APP_SCHEME_PRIVILEGES, handleAppProtocol } from './shell/app-protocol'
import { APP_NAME, APP_VERSION } from './shell/app-info'
import { parseShellArgs } from './shell/args'
import { createElectronSecretStorage } from './shell/electron-secret-storage'
import { openExternalSafely } from './shell/external-links'
import { APP_ORIGIN, registerIpc } from './shell/electron-ipc'
import { installSecurityGuards } from './shell/electron-security'
import { createMainWindow } from './shell/electron-window'
import { fitToDisplays, loadWindowState, saveWindowState } from './shell/window-state'

/** The desktop shell: app lifecycle, one hardened window, IPC wiring. Everything else lives in the host. */
const log = (line: string): void => console.log(line)
// Electron passes its own switches too; keep only ours (--sim-url, --demo), ignoring anything unknown.
const ours = process.argv
  .slice(2)
  .filter((a, i, all) => a === '--demo' || a.startsWith('--sim-url') || all[i - 1] === '--sim-url')
const parsedArgs = parseShellArgs(ours)
const args = parsedArgs.ok ? parsedArgs.args : { port: 0, open: false, demo: false, simUrl: null }

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  void app.whenReady().then(async () => {
    const dataDir = app.getPath('userData')
    const stateFile = join(dataDir, 'window-state.json')
    handleAppProtocol(protocol, join(import.meta.dirname, '../renderer'))
    installSecurityGuards(app, session.defaultSession, (url) => url.startsWith(`${APP_ORIGIN}/`), log)

    const host = new ConsoleHost({
      shell: 'desktop',
      appName: APP_NAME,
      appVersion: APP_VERSION,
      dataDir,
      versions: {
        node: process.versions.node,
        electron: process.versions.electron ?? null,
        chromium: process.versions.chrome ?? null,
        v8: process.versions.v8
      },
      platform: process.platform,
      arch: process.arch,
      secrets: createElectronSecretStorage(safeStorage, join(dataDir, 'secrets')),
      now: () => new Date(),
      log,
      simUrl: args.simUrl,
      autoConnectDemo: args.demo,
      openExternal: async (url) => {
        if (!(await openExternalSafely(shell, url, log))) throw new Error('That address is not on the allow-list.')
      },
      notify: (title, body) => {
        if (Notification.isSupported()) new Notification({ title, body }).show()
      }
    })
    await host.boot()
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildAppMenuTemplate({
          platform: process.platform,
          appName: APP_NAME,
          isDev: !app.isPackaged,
          navigate: (path) => host.emit('app:navigate', { path }),
          openExternal: (url) => void openExternalSafely(shell, url, log)
        })
      )
    )
    const ipc = registerIpc(ipcMain, host, () => mainWindow?.webContents ?? null, log)

    const saved = fitToDisplays(
      await loadWindowState(stateFile),
      screen.getAllDisplays().map((d) => d.workArea)
    )
    mainWindow = createMainWindow(BrowserWindow, {
      preloadPath: join(import.meta.dirname, '../preload/preload.cjs'),
      state: saved,
      iconPath: join(import.meta.dirname, '../../resources/icon.png')
    })
    mainWindow.on('close', () => {
      if (!mainWindow) return
      const bounds = mainWindow.getNormalBounds()
      void saveWindowState(stateFile, { ...bounds, maximized: mainWindow.isMaximized() })
    })
    mainWindow.on('closed', () => {
      mainWindow = null
    })

    app.on('window-all-closed', () => app.quit())
    app.on('will-quit', () => {
      ipc.dispose()
      void host.shutdown()
    })
  })
}
