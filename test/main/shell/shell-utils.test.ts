import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseShellArgs } from '../../../src-main/shell/args'
import { resolveDataDir } from '../../../src-main/shell/data-dir'
import { isAllowedExternalUrl, openExternalSafely } from '../../../src-main/shell/external-links'
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, saveWindowState } from '../../../src-main/shell/window-state'

describe('external link allow-list', () => {
  it.each([
    'https://login.mypurecloud.com/oauth/authorize?client_id=x',
    'https://apps.mypurecloud.ie/directory/',
    'https://login.euw2.pure.cloud/',
    'https://developer.genesys.cloud/'
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true))

  it.each([
    'http://login.mypurecloud.com/',
    'https://mypurecloud.com.evil.example/',
    'https://evilmypurecloud.com/',
    'https://user:pw@login.mypurecloud.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url'
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false))

  it('opens only allowed URLs', async () => {
    const opened: string[] = []
    const shell = { openExternal: async (url: string) => void opened.push(url) }
    expect(await openExternalSafely(shell, 'https://evil.example/', () => {})).toBe(false)
    expect(await openExternalSafely(shell, 'https://login.mypurecloud.com/', () => {})).toBe(true)
    expect(opened).toEqual(['https://login.mypurecloud.com/'])
  })
})

describe('shell arguments', () => {
  it('parses the documented flags', () => {
    expect(parseShellArgs(['--port', '8123', '--no-open', '--demo'])).toEqual({
      ok: true,
      args: { port: 8123, open: false, demo: true, simUrl: null }
    })
    expect(parseShellArgs(['--sim-url=http://127.0.0.1:9000'])).toMatchObject({
      ok: true,
      args: { simUrl: 'http://127.0.0.1:9000' }
    })
    expect(parseShellArgs([])).toEqual({ ok: true, args: { port: 0, open: true, demo: false, simUrl: null } })
  })

  it('explains bad input in plain words', () => {
    expect(parseShellArgs(['--port', 'abc'])).toEqual({ ok: false, message: '--port needs a number from 0 to 65535.' })
    expect(parseShellArgs(['--port', '70000']).ok).toBe(false)
    expect(parseShellArgs(['--sim-url', 'ftp://x'])).toMatchObject({ ok: false })
    expect(parseShellArgs(['--bogus'])).toMatchObject({ ok: false, message: expect.stringContaining('Unknown option --bogus') })
  })
})

describe('data folder', () => {
  it('honours the override, then the platform convention', () => {
    expect(resolveDataDir({ CALLBACK_CONSOLE_DATA_DIR: '/x' }, 'linux')).toBe('/x')
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(join('/cfg', 'Callback Console'))
    expect(resolveDataDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32')).toBe(
      join('C:/Users/a/AppData/Roaming', 'Callback Console')
    )
  })
})

describe('window state', () => {
  it('round-trips and falls back to defaults on damage', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cc-ws-'))
    const file = join(dir, 'sub', 'window-state.json')
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE)
    await saveWindowState(file, { x: 5, y: 6, width: 1000, height: 700, maximized: true })
    expect(await loadWindowState(file)).toEqual({ x: 5, y: 6, width: 1000, height: 700, maximized: true })
    await writeFile(file, '{"width": 10, "height": "tall"}')
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE)
    await writeFile(file, 'not json')
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE)
    await rm(dir, { recursive: true, force: true })
  })

  it('drops a position that is no longer on any display', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }]
    expect(fitToDisplays({ ...DEFAULT_WINDOW_STATE, x: 100, y: 100 }, displays)).toMatchObject({ x: 100, y: 100 })
    const off = fitToDisplays({ ...DEFAULT_WINDOW_STATE, x: 3000, y: 100 }, displays)
    expect(off.x).toBeUndefined()
    expect(off.width).toBe(DEFAULT_WINDOW_STATE.width)
  })
})
