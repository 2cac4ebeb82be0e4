import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkProfile } from '../../../src-main/genesys/profile/profile-check'
import { listProfileCandidates } from '../../../src-main/genesys/profile/profile-candidates'
import { ProfileStore } from '../../../src-main/genesys/profile/profile-store'
import type { DeploymentProfile } from '../../../src-main/genesys/profile/profile-schema'
import { findDeployment } from '../../../src-main/sim/domains/solution/deployment'
import { seedSolution } from '../../../src-main/sim/domains/solution/seed-solution'
import { domainPlugins } from '../../../src-main/sim/plugins'
import type { DemoOrg } from '../../../src-main/sim/server'
import { ADMIN_CLIENT, gatewayForToken, startTestOrg } from './helpers/demo'

const PROFILE: DeploymentProfile = {
  holdingQueueId: 'q-hold',
  targetQueueIds: ['q-target'],
  campaignId: 'c-1',
  contactListId: 'l-1'
}

describe('ProfileStore', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cc-profile-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('saves per org and loads it back', async () => {
    const store = new ProfileStore(dir, () => Date.parse('2026-01-02T03:04:05Z'))
    expect(await store.load('org-a')).toEqual({ ok: true, value: null })
    expect(await store.save('org-a', PROFILE)).toEqual({ ok: true, value: PROFILE })
    expect(await store.load('org-a')).toEqual({ ok: true, value: PROFILE })
    expect(await store.load('org-b')).toEqual({ ok: true, value: null })
    const file = JSON.parse(await readFile(store.pathFor('org-a'), 'utf8'))
    expect(file).toMatchObject({ version: 1, orgId: 'org-a', savedAt: '2026-01-02T03:04:05.000Z' })
  })

  it('refuses invalid profiles with a plain message', async () => {
    const store = new ProfileStore(dir)
    const r = await store.save('org-a', { ...PROFILE, targetQueueIds: [] })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.message).toMatch(/targetQueueIds/)
    const same = await store.save('org-a', { ...PROFILE, targetQueueIds: ['q-hold'] })
    expect(!same.ok && same.error.message).toMatch(/holding queue cannot also be a target/)
  })

  it('reports a damaged or foreign file instead of trusting it', async () => {
    const store = new ProfileStore(dir)
    await store.save('org-a', PROFILE)
    await writeFile(store.pathFor('org-a'), '{oops')
    expect(await store.load('org-a')).toMatchObject({ ok: false, error: { code: 'invalid-profile' } })
    await writeFile(store.pathFor('org-a'), JSON.stringify({ version: 1, orgId: 'org-x', savedAt: 'x', profile: PROFILE }))
    expect(await store.load('org-a')).toMatchObject({ ok: false, error: { code: 'invalid-profile' } })
  })
})

describe('profile against the demo org', () => {
  let org: DemoOrg
  beforeEach(async () => {
    org = await startTestOrg({ plugins: { ...domainPlugins, seedSolution: (o, opts) => void seedSolution(o, opts) } })
  })
  afterEach(async () => {
    await org.close()
  })

  it('lists candidates and suggests the deployed solution', async () => {
    const gateway = gatewayForToken(org, org.issueToken(ADMIN_CLIENT).token)
    const r = await listProfileCandidates(gateway)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const d = findDeployment(org.org)
    expect(r.value.queues.map((q) => q.name)).toEqual(
      expect.arrayContaining(['Customer Service', 'Waiting callbacks', 'Billing'])
    )
    expect(r.value.campaigns.map((c) => c.id)).toContain(d.campaignId)
    expect(r.value.contactLists.map((c) => c.id)).toContain(d.contactListId)
    expect(r.value.suggested).toEqual({
      holdingQueueId: d.holdingQueueId,
      targetQueueIds: [d.targetQueueId],
      campaignId: d.campaignId,
      contactListId: d.contactListId
    })
  })

  it('validates a profile against the org and names what no longer exists', async () => {
    const gateway = gatewayForToken(org, org.issueToken(ADMIN_CLIENT).token)
    const d = findDeployment(org.org)
    const good = {
      holdingQueueId: d.holdingQueueId!,
      targetQueueIds: [d.targetQueueId!],
      campaignId: d.campaignId!,
      contactListId: d.contactListId!
    }
    expect(await checkProfile(gateway, good)).toEqual({ ok: true, value: { problems: [] } })
    const r = await checkProfile(gateway, {
      ...good,
      campaignId: 'gone-campaign',
      targetQueueIds: [d.targetQueueId!, 'gone-queue']
    })
    expect(r.ok && r.value.problems.map((p) => [p.field, p.id])).toEqual([
      ['targetQueueIds', 'gone-queue'],
      ['campaignId', 'gone-campaign']
    ])
  })
})
