/**
 * Where a session's token (and, when asked, a wallboard's client secret) rests between runs: the host's
 * `SecretStorage` (Electron safeStorage, or memory when that is unavailable), one entry per org host, so the
 * demo org and a real region never overwrite each other. Nothing here ever reaches a log or the renderer.
 */
import { z } from 'zod'
import type { SecretStorage } from '../../host/secret-storage'

/** A token at rest. */
export interface StoredToken {
  readonly accessToken: string
  readonly expiresAt: number
  readonly method: 'pkce' | 'client-credentials'
  readonly clientId: string
}

const storedTokenSchema = z.object({
  accessToken: z.string().min(1),
  expiresAt: z.number(),
  method: z.enum(['pkce', 'client-credentials']),
  clientId: z.string().min(1)
})

/** Typed access to the token and client-secret entries of one org host. */
export class TokenVault {
  constructor(
    private readonly secrets: SecretStorage,
    private readonly targetKey: string
  ) {}

  private get tokenName(): string {
    return `genesys.token.${this.targetKey}`
  }

  private secretName(clientId: string): string {
    return `genesys.client-secret.${this.targetKey}.${clientId}`
  }

  async saveToken(token: StoredToken): Promise<void> {
    await this.secrets.save(this.tokenName, JSON.stringify(token))
  }

  /** The stored token, or null when none (or an unreadable one, which is removed). */
  async loadToken(): Promise<StoredToken | null> {
    const raw = await this.secrets.load(this.tokenName)
    if (!raw) return null
    try {
      const parsed = storedTokenSchema.safeParse(JSON.parse(raw))
      if (parsed.success) return parsed.data
    } catch (e: unknown) {
      if (!(e instanceof SyntaxError)) throw e
    }
    await this.secrets.remove(this.tokenName)
    return null
  }

  async removeToken(): Promise<void> {
    await this.secrets.remove(this.tokenName)
  }

  async saveClientSecret(clientId: string, secret: string): Promise<void> {
    await this.secrets.save(this.secretName(clientId), secret)
  }

  async loadClientSecret(clientId: string): Promise<string | null> {
    return this.secrets.load(this.secretName(clientId))
  }

  async removeClientSecret(clientId: string): Promise<void> {
    await this.secrets.remove(this.secretName(clientId))
  }
}
