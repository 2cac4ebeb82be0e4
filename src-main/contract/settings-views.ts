/**
 * Per-user settings (theme, default view, alert thresholds,
 * the board's callable hours, History defaults), validated here for both directions: `settingsSchema` is the
 * whole, strict shape main stores and sends; `settingsPatchSchema` is what the renderer may send to change it.
 *
 * Commands: `settings:get` (no input) → SettingsView; `settings:save` (SettingsPatch) → SettingsView.
 * Event: `settings:changed` → SettingsView (another window or tab saved).
 */
import { z } from 'zod'

/** Theme choices: follow the OS (`prefers-color-scheme`) or force one. */
export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const
export type ThemePreference = (typeof THEME_PREFERENCES)[number]

/** Screens that can open first (route names of the renderer). */
export const DEFAULT_VIEWS = ['board', 'wallboard', 'history', 'audit'] as const
export type DefaultView = (typeof DEFAULT_VIEWS)[number]

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:mm (24-hour)')
const minutesOf = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

export const callableHoursSchema = z
  .object({ start: hhmm, end: hhmm })
  .refine((h) => minutesOf(h.start) < minutesOf(h.end), { message: 'the start time must be before the end time', path: ['end'] })

export const alertSettingsSchema = z.object({
  /** Alert when more callbacks than this wait; null = no backlog alert. */
  backlogThreshold: z.number().int().min(1, 'at least 1 callback').max(100_000).nullable(),
  /** Desktop notifications for alerts (in-app toasts always show). */
  desktopNotifications: z.boolean()
})

export const historySettingsSchema = z.object({
  /** How far from the promise a callback still counts as on time, minutes either side. */
  toleranceMinutes: z.number().int().min(1).max(30),
  /** Interval size the History page opens with. */
  intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)])
})

/** Everything one user has set. */
export const settingsSchema = z.object({
  theme: z.enum(THEME_PREFERENCES),
  defaultView: z.enum(DEFAULT_VIEWS),
  alerts: alertSettingsSchema,
  board: z.object({ callableHours: callableHoursSchema }),
  history: historySettingsSchema
})

export type SettingsView = z.infer<typeof settingsSchema>

/** What a new user gets. */
export const DEFAULT_SETTINGS: SettingsView = {
  theme: 'system',
  defaultView: 'board',
  alerts: { backlogThreshold: null, desktopNotifications: true },
  board: { callableHours: { start: '08:00', end: '20:00' } },
  history: { toleranceMinutes: 5, intervalMinutes: 30 }
}

/** A change from the renderer: any group, any field of a group; unknown keys are refused. */
export const settingsPatchSchema = z
  .object({
    theme: z.enum(THEME_PREFERENCES).optional(),
    defaultView: z.enum(DEFAULT_VIEWS).optional(),
    alerts: alertSettingsSchema.partial().strict().optional(),
    board: z.object({ callableHours: callableHoursSchema.optional() }).strict().optional(),
    history: historySettingsSchema.partial().strict().optional()
  })
  .strict()

export type SettingsPatch = z.input<typeof settingsPatchSchema>

export const settingsCommandInputSchemas = {
  'settings:get': z.undefined(),
  'settings:save': settingsPatchSchema
} as const

export interface SettingsCommandOutputs {
  'settings:get': SettingsView
  'settings:save': SettingsView
}

export interface SettingsEventPayloads {
  'settings:changed': SettingsView
}
