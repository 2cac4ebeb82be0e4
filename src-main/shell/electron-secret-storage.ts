import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SafeStorage } from 'electron'
import { MemorySecretStorage, type SecretStorage } from '../host/secret-storage'

/**
 * Secrets encrypted with Electron's `safeStorage` (Keychain, DPAPI, or the Linux secret service) and written
 * under the data folder. When encryption is unavailable (e.g. Linux without a keyring, where Electron would
 * fall back to a hard-coded key) nothing is written: secrets stay in memory and the UI says so.
 */
export function createElectronSecretStorage(safeStorage: SafeStorage, dir: string): SecretStorage {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined
  const weakLinux = backend === 'basic_text' || backend === 'unknown'
  if (!safeStorage.isEncryptionAvailable() || weakLinux) {
    return new MemorySecretStorage(
      'The operating system offers no secure storage here, so sign-in tokens are kept in memory only and you sign in again after a restart.'
    )
  }
  const fileOf = (name: string): string => join(dir, `${name.replace(/[^a-z0-9_-]/gi, '_')}.bin`)
  return {
    available: true,
    detail: 'Sign-in tokens are encrypted with the operating system’s secure storage.',
    async save(name, secret) {
      await mkdir(dir, { recursive: true })
      await writeFile(fileOf(name), safeStorage.encryptString(secret), { mode: 0o600 })
    },
    async load(name) {
      try {
        return safeStorage.decryptString(await readFile(fileOf(name)))
      } catch {
        return null
      }
    },
    async remove(name) {
      await rm(fileOf(name), { force: true })
    }
  }
}
