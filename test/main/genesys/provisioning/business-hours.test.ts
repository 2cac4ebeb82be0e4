import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SetupInputs } from '../../../../src-main/core/setup/setup-inputs'
import { setupNames } from '../../../../src-main/core/setup/setup-names'
import type { Gateway } from '../../../../src-main/genesys/gateway-types'
import type { Provisioner } from '../../../../src-main/genesys/provisioning/provisioner'
import type { GenesysSession } from '../../../../src-main/genesys/session/session'
import type { DemoOrg } from '../../../../src-main/sim/server'
import { fastProvisioner, inputsFor, signIn, snapshot, startEmptyOrg } from './helpers/setup-harness'

const BUSINESS_HOURS = {
  timeZone: 'Europe/London',
  days: [
    { day: 'mon', open: '08:00', close: '20:00' },
    { day: 'tue', open: '08:00', close: '20:00' },
    { day: 'wed', open: '08:00', close: '20:00' },
    { day: 'thu', open: '08:00', close: '20:00' },
    { day: 'fri', open: '08:00', close: '18:00' },
    { day: 'sat', open: '09:00', close: '13:00' }
  ]
}

describe('guided setup with business hours (a callable time set)', () => {
  let demo: DemoOrg
  let session: GenesysSession
  let gateway: Gateway
  let provisioner: Provisioner
  let inputs: SetupInputs
  let before: Record<string, unknown>
  let timeSetId: string

  const timeSetsNamed = async (name: string) => {
    const r = await gateway.call('GET /api/v2/outbound/callabletimesets', (a) =>
      a.outbound.getOutboundCallabletimesets({ name, filterType: 'Equals', pageSize: 100 })
    )
    if (!r.ok) throw new Error(r.error.message)
    return r.value.entities ?? []
  }

  beforeAll(async () => {
    demo = await startEmptyOrg()
    ;({ gateway, session } = await signIn(demo))
    provisioner = fastProvisioner(gateway)
    inputs = await inputsFor(demo, gateway, { wrapupCodeName: 'Unreached', businessHours: BUSINESS_HOURS })
    before = await snapshot(gateway, inputs.targetQueueId)
  })
  afterAll(async () => {
    session?.dispose()
    await demo?.close()
  })

  it('creates the dialling hours and points the campaign at them', async () => {
    const result = await provisioner.apply(inputs)
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true)
    if (!result.ok) return
    const step = result.plan.steps.find((s) => s.key === 'callableTimeSet')
    expect(step).toMatchObject({ action: 'create' })
    const name = setupNames(inputs.namePrefix).callableTimeSet
    const [set] = await timeSetsNamed(name)
    expect(set).toMatchObject({
      name,
      callableTimes: [
        {
          timeZoneId: 'Europe/London',
          timeSlots: [
            { day: 1, startTime: '08:00:00.000', stopTime: '20:00:00.000' },
            { day: 2, startTime: '08:00:00.000', stopTime: '20:00:00.000' },
            { day: 3, startTime: '08:00:00.000', stopTime: '20:00:00.000' },
            { day: 4, startTime: '08:00:00.000', stopTime: '20:00:00.000' },
            { day: 5, startTime: '08:00:00.000', stopTime: '18:00:00.000' },
            { day: 6, startTime: '09:00:00.000', stopTime: '13:00:00.000' }
          ]
        }
      ]
    })
    timeSetId = set!.id!
    const campaign = await gateway.call('GET /api/v2/outbound/campaigns/{campaignId}', (a) =>
      a.outbound.getOutboundCampaign(result.profile.campaignId)
    )
    expect(campaign.ok && campaign.value).toMatchObject({
      campaignStatus: 'on',
      callableTimeSet: { id: timeSetId, name, selfUri: `/api/v2/outbound/callabletimesets/${timeSetId}` }
    })
    expect(demo.org.outbound!.campaigns.record(result.profile.campaignId).callableTimeSetId).toBe(timeSetId)
  })

  it('verifies', async () => {
    const result = await provisioner.verify(inputs)
    expect(result.checks.filter((c) => !c.ok)).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('makes zero writes on a second apply', async () => {
    const result = await provisioner.apply(inputs)
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true)
    if (!result.ok) return
    expect(result.plan.steps.filter((s) => s.action !== 'keep').map((s) => `${s.key}: ${s.changes.join(', ')}`)).toEqual([])
    expect(result.tally).toMatchObject({ writes: 0, uploads: 0, probes: 0 })
  })

  it('updates the hours in place when they change', async () => {
    const changed = { ...inputs, businessHours: { ...inputs.businessHours!, timeZone: 'Europe/Dublin' } }
    const result = await provisioner.apply(changed)
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true)
    if (!result.ok) return
    expect(result.plan.steps.filter((s) => s.action === 'update').map((s) => s.key)).toEqual(['callableTimeSet'])
    const [set] = await timeSetsNamed(setupNames(inputs.namePrefix).callableTimeSet)
    expect(set).toMatchObject({ id: timeSetId, version: 2, callableTimes: [{ timeZoneId: 'Europe/Dublin' }] })
    inputs = changed
  })

  it('tears down the time set with the rest and leaves the org as it was', async () => {
    const plan = await provisioner.planTeardown({ namePrefix: inputs.namePrefix })
    const keys = plan.ok ? plan.value.steps.map((s) => s.key) : []
    expect(keys).toContain('callableTimeSet')
    expect(keys.indexOf('campaign')).toBeLessThan(keys.indexOf('callableTimeSet'))
    const result = await provisioner.teardown({ namePrefix: inputs.namePrefix })
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true)
    expect(await timeSetsNamed(setupNames(inputs.namePrefix).callableTimeSet)).toEqual([])
    expect(await snapshot(gateway, inputs.targetQueueId)).toEqual(before)
  })
})
