/**
 * The user's settings, one JSON file in the per-user data dir. Reads are forgiving (the file is user-editable:
 * a damaged field falls back to its default, the rest is kept); writes are strict (a patch from the renderer is
 * merged, the whole result validated, then written atomically), so the file only ever holds valid settings.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import type { Result } from '../contract/result'
import {
  DEFAULT_SETTINGS,
  DEFAULT_VIEWS,
  THEME_PREFERENCES,
  alertSettingsSchema,
  callableHoursSchema,
  historySettingsSchema,
  settingsPatchSchema,
  settingsSchema,
  type SettingsPatch,
  type SettingsView
} from '../contract/settings-views'
import { Emitter, type Disposable } from '../core/disposable'

/** File name inside the data dir. */
export const SETTINGS_FILE = 'settings.json'
const FORMAT_VERSION = 1

const D = DEFAULT_SETTINGS
/** Field by field, anything unreadable becomes its default. */
const lenientSchema = z.object({
  theme: z.enum(THEME_PREFERENCES).catch(D.theme),
  defaultView: z.enum(DEFAULT_VIEWS).catch(D.defaultView),
  alerts: z
    .object({
      backlogThreshold: alertSettingsSchema.shape.backlogThreshold.catch(D.alerts.backlogThreshold),
      desktopNotifications: alertSettingsSchema.shape.desktopNotifications.catch(D.alerts.desktopNotifications)
    })
    .catch(D.alerts),
  board: z.object({ callableHours: callableHoursSchema.catch(D.board.callableHours) }).catch(D.board),
  history: z
    .object({
      toleranceMinutes: historySettingsSchema.shape.toleranceMinutes.catch(D.history.toleranceMinutes),
      intervalMinutes: historySettingsSchema.shape.intervalMinutes.catch(D.history.intervalMinutes)
    })
    .catch(D.history)
})

/** Applies a patch group by group (a group's missing fields keep their current values). */
export function mergeSettings(current: SettingsView, patch: SettingsPatch): SettingsView {
  return {
    theme: patch.theme ?? current.theme,
    defaultView: patch.defaultView ?? current.defaultView,
    alerts: { ...current.alerts, ...patch.alerts },
    board: { ...current.board, ...patch.board },
    history: { ...current.history, ...patch.history }
  }
}

/** Reads settings leniently from parsed JSON (any shape); never throws. */
export function readSettings(raw: unknown): SettingsView {
  const object = typeof raw === 'object' && raw !== null ? raw : {}
  return lenientSchema.parse(object)
}

export class SettingsStore implements Disposable {
  private current: SettingsView = DEFAULT_SETTINGS
  private queue: Promise<void> = Promise.resolve()
  private readonly changes = new Emitter<SettingsView>()
  /** Fires after a save changed the stored settings. */
  readonly onDidChange = this.changes.event

  constructor(
    private readonly dataDir: string,
    private readonly log: (line: string) => void = () => undefined
  ) {}

  get file(): string {
    return join(this.dataDir, SETTINGS_FILE)
  }

  /** Loads the file (missing = defaults); call once at boot. */
  async load(): Promise<SettingsView> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (e: unknown) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`[SettingsStore] could not read settings: ${String(e)}`)
      this.current = DEFAULT_SETTINGS
      return this.current
    }
    try {
      this.current = readSettings(JSON.parse(text))
    } catch (e: unknown) {
      if (!(e instanceof SyntaxError)) throw e
      this.log('[SettingsStore] settings file is not valid JSON; using defaults until the next save')
      this.current = DEFAULT_SETTINGS
    }
    return this.current
  }

  /** The settings as last loaded or saved. */
  get(): SettingsView {
    return this.current
  }

  /**
   * Validates and stores a change; an invalid patch or a failed write leaves everything as it was. Saves run one
   * after another, each merging into the result of the previous one, so concurrent changes are never lost.
   */
  save(input: unknown): Promise<Result<SettingsView>> {
    const next = this.queue.then(() => this.apply(input))
    this.queue = next.then(() => undefined)
    return next
  }

  private async apply(input: unknown): Promise<Result<SettingsView>> {
    const patch = settingsPatchSchema.safeParse(input)
    const next = patch.success ? settingsSchema.safeParse(mergeSettings(this.current, patch.data)) : patch
    if (!next.success) {
      const issue = next.error.issues[0]
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''
      return {
        ok: false,
        error: { code: 'invalid-input', message: `That setting is not valid${where}: ${issue?.message ?? 'unknown problem'}.` }
      }
    }
    try {
      await this.write(next.data)
    } catch (e: unknown) {
      this.log(`[SettingsStore] could not save settings: ${e instanceof Error ? e.message : String(e)}`)
      return { ok: false, error: { code: 'write-failed', message: 'Your settings could not be saved on this computer.' } }
    }
    this.current = next.data
    this.changes.fire(next.data)
    return { ok: true, value: next.data }
  }

  dispose(): void {
    this.changes.dispose()
  }

  /** Writes atomically (temp file + rename), readable only by this user. */
  private async write(settings: SettingsView): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true })
    const temp = `${this.file}.${process.pid}.tmp`
    await writeFile(temp, JSON.stringify({ version: FORMAT_VERSION, ...settings }, null, 2) + '\n', {
      encoding: 'utf8',
      mode: 0o600
    })
    await rename(temp, this.file)
  }
}
