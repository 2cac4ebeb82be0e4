import platformClient from 'purecloud-platform-client-v2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WRITE_NEEDS } from '../../../src-main/core/setup/setup-permissions'
import type { DemoOrg } from '../../../src-main/sim/server'
import { fastProvisioner, inputsFor, signIn, startEmptyOrg } from '../genesys/provisioning/helpers/setup-harness'
import { loggedIn, sdkClient } from './sim-harness'

describe('demo org authorization/subjects/me', () => {
  let demo: DemoOrg
  beforeAll(async () => {
    demo = await startEmptyOrg()
  })
  afterAll(() => demo.close())

  it('gives the admin client one Master Admin grant with a */*/[*] policy, in the home division', async () => {
    const me = await new platformClient.AuthorizationApi(await loggedIn(demo)).getAuthorizationSubjectsMe()
    expect(me.id).toBe('callback-console-demo')
    expect(me.grants).toHaveLength(1)
    const grant = me.grants![0]!
    expect(grant.subjectId).toBe(me.id)
    expect(grant.division).toMatchObject({ name: 'Home', homeDivision: true })
    expect(grant.role).toMatchObject({ name: 'Master Admin', policies: [{ domain: '*', entityName: '*', actions: ['*'] }] })
    expect(grant.role!.id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('gives the read-only client view actions only; no permission is needed to ask (UsersApi answers too)', async () => {
    const me = await new platformClient.UsersApi(await loggedIn(demo, 'callback-console-viewer')).getAuthorizationSubjectsMe()
    const policies = me.grants!.flatMap((g) => g.role?.policies ?? [])
    expect(me.grants![0]!.role!.name).toBe('Read Only')
    expect(policies.length).toBeGreaterThan(0)
    expect(policies.flatMap((p) => p.actions)).toEqual(policies.map(() => 'view'))
    // A token with no permission at all still reads its (empty-policy) subject.
    const bare = sdkClient(demo)
    bare.setAccessToken(demo.issueToken('callback-console-viewer', { permissions: [] }).token)
    const empty = await new platformClient.AuthorizationApi(bare).getAuthorizationSubjectsMe()
    expect(empty.grants![0]!.role!.policies).toEqual([])
  })

  it('is the PKCE user for a user token', async () => {
    const client = sdkClient(demo)
    client.setAccessToken(demo.issueToken('callback-console-desktop').token)
    const me = await new platformClient.AuthorizationApi(client).getAuthorizationSubjectsMe()
    expect(me.name).toBe('Dana Supervisor')
    expect(me.grants![0]!.subjectId).toBe(me.id)
  })

  it("lets guided setup's preflight name the viewer's missing writes from the subject, without probing", async () => {
    const admin = await signIn(demo)
    const viewer = await signIn(demo, 'callback-console-viewer')
    try {
      const inputs = await inputsFor(demo, admin.gateway)
      const ok = await fastProvisioner(admin.gateway).preflight(inputs)
      expect(ok.permissions).toEqual({ source: 'subject', missing: [] })

      const report = await fastProvisioner(viewer.gateway).preflight(inputs)
      expect(report.permissions.source).toBe('subject')
      const missing = report.permissions.missing.flatMap((m) => m.anyOf)
      // Every write a fresh setup needs is named (not a probed endpoint), and no read the viewer holds.
      const writes = Object.values(WRITE_NEEDS).flatMap((needs) => needs.flatMap((n) => n.anyOf))
      expect(missing).toEqual(expect.arrayContaining(['routing:wrapupCode:add', 'routing:queue:add', 'outbound:campaign:edit']))
      expect(missing.filter((p) => p.startsWith('('))).toEqual([])
      expect(missing.filter((p) => p.endsWith(':view'))).toEqual([])
      expect(missing.filter((p) => writes.includes(p)).length).toBeGreaterThanOrEqual(10)
      expect(report.problems.join(' ')).toContain('routing:wrapupCode:add')
    } finally {
      admin.session.dispose()
      viewer.session.dispose()
    }
  })
})
