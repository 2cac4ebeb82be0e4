/**
 * Keeps one deployment profile per org in `<dataDir>/profiles/<org>.json`, written atomically (temp file +
 * rename) so a crash never leaves half a profile. Reads are validated: a damaged or hand-edited file is
 * reported as a problem, never trusted.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ApiResult } from '../gateway-types'
import { deploymentProfileSchema, profileFileSchema, type DeploymentProfile } from './profile-schema'

/** File name part for an org id (ids are uuids; any other character becomes `_`). */
function fileKey(orgId: string): string {
  return orgId.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 80) || 'org'
}

/** Profile persistence under a data directory. */
export class ProfileStore {
  constructor(
    private readonly dataDir: string,
    private readonly clock: () => number = Date.now
  ) {}

  /** Absolute path of an org's profile file. */
  pathFor(orgId: string): string {
    return join(this.dataDir, 'profiles', `${fileKey(orgId)}.json`)
  }

  /** The saved profile, null when there is none, or a problem when the file is unreadable. */
  async load(orgId: string): Promise<ApiResult<DeploymentProfile | null>> {
    let text: string
    try {
      text = await readFile(this.pathFor(orgId), 'utf8')
    } catch (e: unknown) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: null }
      throw e
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (e: unknown) {
      if (!(e instanceof SyntaxError)) throw e
      return {
        ok: false,
        error: {
          code: 'invalid-profile',
          message: 'The saved deployment profile is damaged (not JSON). Choose the queues and campaign again.'
        }
      }
    }
    const parsed = profileFileSchema.safeParse(json)
    if (!parsed.success || parsed.data.orgId !== orgId) {
      return {
        ok: false,
        error: {
          code: 'invalid-profile',
          message: 'The saved deployment profile is not valid for this org. Choose the queues and campaign again.'
        }
      }
    }
    return { ok: true, value: parsed.data.profile }
  }

  /** Validates and saves; returns the profile as stored. */
  async save(orgId: string, input: unknown): Promise<ApiResult<DeploymentProfile>> {
    const parsed = deploymentProfileSchema.safeParse(input)
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          message: `The deployment profile is not valid: ${first?.path.join('.') || 'profile'} ${first?.message ?? ''}`.trim()
        }
      }
    }
    const path = this.pathFor(orgId)
    await mkdir(join(this.dataDir, 'profiles'), { recursive: true })
    const body = JSON.stringify(
      { version: 1, orgId, savedAt: new Date(this.clock()).toISOString(), profile: parsed.data },
      null,
      2
    )
    const temp = `${path}.${process.pid}.tmp`
    await writeFile(temp, body, { encoding: 'utf8', mode: 0o600 })
    await rename(temp, path)
    return { ok: true, value: parsed.data }
  }

  async remove(orgId: string): Promise<void> {
    await rm(this.pathFor(orgId), { force: true })
  }
}
