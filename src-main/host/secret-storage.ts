/**
 * Where tokens and client secrets are kept at rest. Electron gives `safeStorage` (OS keychain-backed encryption);
 * web mode and machines without a keyring get the memory-only store, and the UI says so.
 */
export interface SecretStorage {
  readonly available: boolean
  /** One plain sentence for the Diagnostics page and the sign-in screen. */
  readonly detail: string
  /** Persists a secret under a name; memory-only stores keep it for this run. */
  save(name: string, secret: string): Promise<void>
  load(name: string): Promise<string | null>
  remove(name: string): Promise<void>
}

/** Keeps secrets in this process only: nothing reaches the disk, so everything is gone on exit. */
export class MemorySecretStorage implements SecretStorage {
  readonly available = false
  private readonly secrets = new Map<string, string>()

  constructor(readonly detail: string) {}

  async save(name: string, secret: string): Promise<void> {
    this.secrets.set(name, secret)
  }

  async load(name: string): Promise<string | null> {
    return this.secrets.get(name) ?? null
  }

  async remove(name: string): Promise<void> {
    this.secrets.delete(name)
  }
}
