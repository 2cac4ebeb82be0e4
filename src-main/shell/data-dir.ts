import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where web mode keeps settings, the audit log and window state. Electron uses `app.getPath('userData')`;
 * web mode mirrors it by platform so both shells of one user find the same files.
 * `CALLBACK_CONSOLE_DATA_DIR` overrides it (tests, portable installs).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CALLBACK_CONSOLE_DATA_DIR) return env.CALLBACK_CONSOLE_DATA_DIR
  const home = homedir()
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Callback Console')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Callback Console')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Callback Console')
}
