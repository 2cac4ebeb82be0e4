import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron'
import { APP_ORIGIN } from './electron-ipc'
import type { WindowState } from './window-state'

/**
 * The web preferences every window gets, in one place so a test can pin them. This is the fenced security
 * region: isolation and sandbox on, no Node, no remote content, no webview tags.
 */
export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false
  }
}

export interface MainWindowOptions {
  readonly preloadPath: string
  readonly state: WindowState
  readonly iconPath?: string
}

/** The one window factory: builds the main window hardened, sized as last time, and loads the app bundle. */
export function createMainWindow(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType,
  options: MainWindowOptions
): BrowserWindowType {
  const { state } = options
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Callback Console',
    backgroundColor: '#ffffff',
    icon: options.iconPath,
    webPreferences: secureWebPreferences(options.preloadPath)
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  void win.loadURL(`${APP_ORIGIN}/index.html`)
  return win
}
