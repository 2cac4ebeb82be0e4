import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'

/** Window bounds remembered between runs; validated on load because the file is user-editable. */
export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(20000),
  height: z.number().int().min(480).max(20000),
  maximized: z.boolean().default(false)
})

export type WindowState = z.infer<typeof windowStateSchema>

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false }

/** Reads the saved state, falling back to defaults on a missing or damaged file. */
export async function loadWindowState(file: string): Promise<WindowState> {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}

/** Keeps a saved position only if it is still on one of the current displays (monitors come and go). */
export function fitToDisplays(
  state: WindowState,
  displays: readonly { x: number; y: number; width: number; height: number }[]
): WindowState {
  if (state.x === undefined || state.y === undefined) return state
  const { x, y } = state
  const visible = displays.some((d) => x >= d.x - 50 && y >= d.y - 50 && x < d.x + d.width - 100 && y < d.y + d.height - 100)
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, JSON.stringify(state, null, 2), 'utf8')
}
