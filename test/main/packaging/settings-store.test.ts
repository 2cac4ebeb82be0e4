import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, settingsSchema } from '../../../src-main/contract/settings-views'
import { SettingsStore, readSettings } from '../../../src-main/host/settings-store'

describe('SettingsStore', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cc-settings-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('starts from defaults and persists a validated change across restarts', async () => {
    const store = new SettingsStore(dir)
    expect(await store.load()).toEqual(DEFAULT_SETTINGS)
    const changed: unknown[] = []
    store.onDidChange((s) => changed.push(s))
    const r = await store.save({ theme: 'dark', alerts: { backlogThreshold: 40 }, history: { intervalMinutes: 15 } })
    expect(r.ok).toBe(true)
    expect(changed).toHaveLength(1)
    const reloaded = new SettingsStore(dir)
    expect(await reloaded.load()).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      alerts: { backlogThreshold: 40, desktopNotifications: true },
      history: { toleranceMinutes: 5, intervalMinutes: 15 }
    })
    const file = JSON.parse(await readFile(store.file, 'utf8'))
    expect(file.version).toBe(1)
    if (process.platform !== 'win32') expect((await stat(store.file)).mode & 0o777).toBe(0o600)
  })

  it('refuses invalid changes with a plain message and keeps the old settings', async () => {
    const store = new SettingsStore(dir)
    await store.load()
    const cases: [unknown, RegExp][] = [
      [{ theme: 'neon' }, /\(theme\)/],
      [{ alerts: { backlogThreshold: 0 } }, /at least 1 callback/],
      [{ alerts: { backlogThreshold: 2.5 } }, /alerts\.backlogThreshold/],
      [{ board: { callableHours: { start: '20:00', end: '08:00' } } }, /start time must be before the end time/],
      [{ board: { callableHours: { start: '8am', end: '20:00' } } }, /HH:mm/],
      [{ history: { intervalMinutes: 20 } }, /history\.intervalMinutes/],
      [{ sneaky: true }, /not valid/],
      [{ alerts: { desktopNotifications: true, extra: 1 } }, /not valid/]
    ]
    for (const [patch, message] of cases) {
      const r = await store.save(patch)
      expect(r.ok, JSON.stringify(patch)).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('invalid-input')
        expect(r.error.message).toMatch(message)
      }
    }
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    await expect(readFile(store.file, 'utf8')).rejects.toThrow()
  })

  it('keeps the good fields of a hand-edited file and defaults the damaged ones', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({
        version: 1,
        theme: 'dark',
        defaultView: 'nowhere',
        alerts: { backlogThreshold: -3, desktopNotifications: false },
        board: 7
      })
    )
    const loaded = await new SettingsStore(dir).load()
    expect(loaded).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      alerts: { backlogThreshold: null, desktopNotifications: false }
    })
    expect(settingsSchema.safeParse(loaded).success).toBe(true)
    const logs: string[] = []
    await writeFile(join(dir, 'settings.json'), '{not json')
    expect(await new SettingsStore(dir, (l) => logs.push(l)).load()).toEqual(DEFAULT_SETTINGS)
    expect(logs[0]).toMatch(/^\[SettingsStore\] settings file is not valid JSON/)
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS)
  })

  it('serialises concurrent saves so none is lost', async () => {
    const store = new SettingsStore(dir)
    await store.load()
    await Promise.all([store.save({ theme: 'light' }), store.save({ theme: 'dark' }), store.save({ defaultView: 'history' })])
    const onDisk = await new SettingsStore(dir).load()
    expect(onDisk).toEqual(store.get())
    expect([onDisk.theme, onDisk.defaultView]).toEqual(['dark', 'history'])
  })
})
