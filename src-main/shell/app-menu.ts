/**
 * The application menu as a pure template, so a test can pin it: the platform's usual roles (the macOS app
 * menu, Edit with clipboard roles so text fields work, Window, Help), screens reachable by keyboard (View →
 * Board … Audit, Settings on ⌘, / Ctrl+,), and developer tools only in development builds. Clicks only call the
 * injected `navigate` / `openExternal`; index.ts wires them (`app:navigate` event, allow-listed links).
 */
import type { MenuItemConstructorOptions } from 'electron'

/** The public blueprint this console is built on, on Genesys' developer center (inside the external-link allow-list). */
export const BLUEPRINT_URL = 'https://developer.genesys.cloud/blueprints/automated-callback-blueprint/'

export interface AppMenuOptions {
  readonly platform: NodeJS.Platform
  readonly appName: string
  /** Development build: adds reload and developer tools. */
  readonly isDev: boolean
  /** Shows a screen of the renderer (route path). */
  readonly navigate: (path: string) => void
  /** Opens an external page after the allow-list check. */
  readonly openExternal: (url: string) => void
}

/** Screens in View, in navigation order, with their accelerators. */
export const VIEW_SCREENS: readonly { readonly label: string; readonly path: string; readonly accelerator: string }[] = [
  { label: 'Board', path: '/board', accelerator: 'CmdOrCtrl+1' },
  { label: 'Wallboard', path: '/wallboard', accelerator: 'CmdOrCtrl+2' },
  { label: 'History', path: '/history', accelerator: 'CmdOrCtrl+3' },
  { label: 'Audit', path: '/audit', accelerator: 'CmdOrCtrl+4' }
]

const separator: MenuItemConstructorOptions = { type: 'separator' }

/** Builds the menu template for `platform`. */
export function buildAppMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const go = (path: string) => () => options.navigate(path)
  const settings: MenuItemConstructorOptions = {
    label: mac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: go('/settings')
  }

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' }
    ]
  }
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: mac ? [{ role: 'close' }] : [settings, separator, { role: 'quit' }]
  }
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' }
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...VIEW_SCREENS.map((s): MenuItemConstructorOptions => ({ label: s.label, accelerator: s.accelerator, click: go(s.path) })),
      separator,
      ...(options.isDev
        ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, separator]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' }
    ]
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Diagnostics', click: go('/diagnostics') },
      { label: 'About the callback blueprint', click: () => options.openExternal(BLUEPRINT_URL) },
      ...(mac ? [] : [separator, { role: 'about' } as const])
    ]
  }
  return [...(mac ? [appMenu] : []), file, edit, view, { role: 'windowMenu' }, help]
}
