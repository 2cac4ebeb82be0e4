import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { BLUEPRINT_URL, VIEW_SCREENS, buildAppMenuTemplate, type AppMenuOptions } from '../../../src-main/shell/app-menu'
import { isAllowedExternalUrl } from '../../../src-main/shell/external-links'

/** Every role this Electron accepts on a MenuItemConstructorOptions, read from its own typings (no hand-kept list). */
const ELECTRON_ROLES: ReadonlySet<string> = (() => {
  const dts = readFileSync(createRequire(import.meta.url).resolve('electron/electron.d.ts'), 'utf8')
  const block = dts.slice(dts.indexOf('interface MenuItemConstructorOptions'))
  const union = /role\?: \(([^)]*)\)/.exec(block)?.[1] ?? ''
  return new Set([...union.matchAll(/'([^']+)'/g)].map((m) => m[1]!))
})()

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])])
}

function build(platform: NodeJS.Platform, isDev = false) {
  const navigated: string[] = []
  const opened: string[] = []
  const options: AppMenuOptions = {
    platform,
    appName: 'Callback Console',
    isDev,
    navigate: (p) => navigated.push(p),
    openExternal: (u) => opened.push(u)
  }
  const template = buildAppMenuTemplate(options)
  return { template, items: flatten(template), navigated, opened }
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)()
const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label)

describe('application menu', () => {
  it('has the macOS app menu first, with Settings on Cmd+, and the usual roles', () => {
    const { template, items } = build('darwin')
    expect(template.map((m) => m.label ?? m.role)).toEqual(['Callback Console', 'File', 'Edit', 'View', 'windowMenu', 'help'])
    const appRoles = (template[0]!.submenu as MenuItemConstructorOptions[]).map((i) => i.role ?? i.label ?? i.type)
    expect(appRoles).toEqual([
      'about',
      'separator',
      'Settings…',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit'
    ])
    expect(byLabel(items, 'Settings…')?.accelerator).toBe('CmdOrCtrl+,')
    expect(items.map((i) => i.role)).toContain('pasteAndMatchStyle')
  })

  it('puts Settings and Quit in File on Windows and Linux, About under Help', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = build(platform)
      expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help'])
      const file = (template[0]!.submenu as MenuItemConstructorOptions[]).map((i) => i.role ?? i.label ?? i.type)
      expect(file).toEqual(['Settings', 'separator', 'quit'])
      expect((template[4]!.submenu as MenuItemConstructorOptions[]).some((i) => i.role === 'about')).toBe(true)
    }
  })

  it('keeps the clipboard roles every platform needs for text fields', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const roles = build(platform).items.map((i) => i.role)
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'togglefullscreen'])
        expect(roles).toContain(role)
    }
  })

  it('offers developer tools and reload only in development builds', () => {
    const prod = build('linux').items.map((i) => i.role)
    expect(prod).not.toContain('toggleDevTools')
    expect(prod).not.toContain('reload')
    expect(build('linux', true).items.map((i) => i.role)).toEqual(
      expect.arrayContaining(['toggleDevTools', 'reload', 'forceReload'])
    )
  })

  it('navigates to the screens and opens only an allow-listed page', () => {
    const { items, navigated, opened } = build('win32')
    for (const screen of VIEW_SCREENS) click(byLabel(items, screen.label))
    click(byLabel(items, 'Settings'))
    click(byLabel(items, 'Diagnostics'))
    click(byLabel(items, 'About the callback blueprint'))
    expect(navigated).toEqual(['/board', '/wallboard', '/history', '/audit', '/settings', '/diagnostics'])
    expect(opened).toEqual([BLUEPRINT_URL])
    expect(isAllowedExternalUrl(BLUEPRINT_URL)).toBe(true)
  })

  it('uses only real Electron roles and never repeats an accelerator', () => {
    expect(ELECTRON_ROLES.size).toBeGreaterThan(40)
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { items } = build(platform, true)
      for (const item of items) if (item.role) expect(ELECTRON_ROLES.has(item.role), item.role).toBe(true)
      const accelerators = items.map((i) => i.accelerator).filter(Boolean)
      expect(new Set(accelerators).size).toBe(accelerators.length)
    }
  })
})
