import platformClient from 'purecloud-platform-client-v2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoOrg } from '../../../src-main/sim/server'
import { loggedIn, rejection, startQuietOrg } from './sim-harness'

describe('demo org wrap-up codes: update and delete', () => {
  let demo: DemoOrg
  let routing: InstanceType<typeof platformClient.RoutingApi>
  let viewer: InstanceType<typeof platformClient.RoutingApi>
  beforeAll(async () => {
    demo = await startQuietOrg({ rateLimitPerMinute: 10_000 })
    routing = new platformClient.RoutingApi(await loggedIn(demo))
    viewer = new platformClient.RoutingApi(await loggedIn(demo, 'callback-console-viewer'))
  })
  afterAll(() => demo.close())

  it('updates name and description in place (putRoutingWrapupcode), keeping the id', async () => {
    const created = await routing.postRoutingWrapupcodes({ name: 'Put Test', description: 'first' })
    const updated = await routing.putRoutingWrapupcode(created.id!, { name: 'Put Test renamed' })
    expect(updated).toMatchObject({ id: created.id, name: 'Put Test renamed', division: { name: 'Home' } })
    expect(updated.description).toBeUndefined()
    expect(updated.dateModified).toMatch(/Z$/)
    expect((await routing.getRoutingWrapupcode(created.id!)).name).toBe('Put Test renamed')
    // Renaming to its own name (other case) is not a conflict.
    expect((await routing.putRoutingWrapupcode(created.id!, { name: 'PUT TEST RENAMED' })).name).toBe('PUT TEST RENAMED')
  })

  it('answers 409 for a name another code has, 400 without a name, 404 for an unknown id', async () => {
    const a = await routing.postRoutingWrapupcodes({ name: 'Conflict A' })
    await routing.postRoutingWrapupcodes({ name: 'Conflict B' })
    const taken = await rejection(routing.putRoutingWrapupcode(a.id!, { name: 'conflict b' }))
    expect(taken).toMatchObject({ status: 409, code: 'general.conflict' })
    expect((await rejection(routing.postRoutingWrapupcodes({ name: 'Conflict B' }))).status).toBe(409)
    const noName = await rejection(routing.putRoutingWrapupcode(a.id!, {} as never))
    expect(noName).toMatchObject({ status: 400, code: 'invalid.value' })
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await rejection(routing.putRoutingWrapupcode(unknown, { name: 'x' }))).status).toBe(404)
    expect((await rejection(routing.deleteRoutingWrapupcode(unknown))).status).toBe(404)
    expect((await routing.getRoutingWrapupcode(a.id!)).name).toBe('Conflict A')
  })

  it('deletes a code, also one a queue offers (it leaves the queue), and frees its name', async () => {
    const code = await routing.postRoutingWrapupcodes({ name: 'Delete Me' })
    await routing.postRoutingQueueWrapupcodes(demo.seed.targetQueueId, [{ id: code.id! }])
    expect((await routing.getRoutingQueueWrapupcodes(demo.seed.targetQueueId)).entities?.map((w) => w.id)).toContain(code.id)
    await routing.deleteRoutingWrapupcode(code.id!)
    expect((await rejection(routing.getRoutingWrapupcode(code.id!))).status).toBe(404)
    expect((await routing.getRoutingWrapupcodes({ name: 'Delete Me' })).total).toBe(0)
    expect((await routing.getRoutingQueueWrapupcodes(demo.seed.targetQueueId)).entities?.map((w) => w.id)).not.toContain(code.id)
    expect((await routing.postRoutingWrapupcodes({ name: 'Delete Me' })).id).not.toBe(code.id)
  })

  it('needs routing:wrapupCode:edit / :delete; the read-only client gets 403 naming them and changes nothing', async () => {
    const code = await routing.postRoutingWrapupcodes({ name: 'Guarded' })
    const put = await rejection(viewer.putRoutingWrapupcode(code.id!, { name: 'Hijacked' }))
    expect(put).toMatchObject({ status: 403, code: 'missing.any.permissions' })
    expect(String(put.message)).toContain('routing:wrapupCode:edit')
    const del = await rejection(viewer.deleteRoutingWrapupcode(code.id!))
    expect(del.status).toBe(403)
    expect(String(del.message)).toContain('routing:wrapupCode:delete')
    expect((await routing.getRoutingWrapupcode(code.id!)).name).toBe('Guarded')
    const narrow = new platformClient.RoutingApi(
      await (async () => {
        const c = await loggedIn(demo)
        c.setAccessToken(demo.issueToken('callback-console-demo', { permissions: ['routing:wrapupCode:delete'] }).token)
        return c
      })()
    )
    await narrow.deleteRoutingWrapupcode(code.id!)
    expect((await rejection(routing.getRoutingWrapupcode(code.id!))).status).toBe(404)
  })
})
