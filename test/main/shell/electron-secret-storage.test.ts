import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createElectronSecretStorage } from '../../../src-main/shell/electron-secret-storage'

/** A reversible stand-in for safeStorage that makes the ciphertext visibly different from the secret. */
function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret') {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (s: string) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
    decryptString: (b: Buffer) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString()
  }
}

describe('electron secret storage', () => {
  it('encrypts at rest and reads back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cc-sec-'))
    const store = createElectronSecretStorage(fakeSafeStorage(true) as never, dir)
    expect(store.available).toBe(true)
    await store.save('org-token', 'super-secret-token')
    const [file] = await readdir(dir)
    expect((await readFile(join(dir, file))).toString()).not.toContain('super-secret-token')
    expect(await store.load('org-token')).toBe('super-secret-token')
    await store.remove('org-token')
    expect(await store.load('org-token')).toBeNull()
    await rm(dir, { recursive: true, force: true })
  })

  it.each([
    ['encryption is unavailable', fakeSafeStorage(false)],
    ['Linux falls back to a plain-text key', fakeSafeStorage(true, 'basic_text')]
  ])('keeps secrets in memory only when %s', async (_label, safe) => {
    const dir = await mkdtemp(join(tmpdir(), 'cc-sec-'))
    const store = createElectronSecretStorage(safe as never, dir)
    if (process.platform !== 'linux' && _label.startsWith('Linux')) return
    expect(store.available).toBe(false)
    expect(store.detail).toMatch(/memory only/)
    await store.save('t', 'x')
    expect(await store.load('t')).toBe('x')
    expect(await readdir(dir)).toEqual([])
    await rm(dir, { recursive: true, force: true })
  })
})
