import { describe, expect, it } from 'vitest'
import { needsCampaignOff, subsetDiff } from '../../../src-main/core/setup/compare'
import { planSetup, planTeardown, restoreQueueFlowFor, TEARDOWN_ORDER } from '../../../src-main/core/setup/planner'
import { OWNER_MARKER } from '../../../src-main/core/setup/setup-names'
import type { ActualObject, ActualState, ObjectKey } from '../../../src-main/core/setup/setup-model'
import { appliedState, desired, FACTS, TARGET_ID } from './fixtures'

const EMPTY: ActualState = {
  objects: {},
  targetQueue: { id: TARGET_ID, name: 'Customer Service', divisionName: 'Home', queueFlowId: null }
}

function withObject(state: ActualState, key: ObjectKey, change: (o: ActualObject) => ActualObject): ActualState {
  return { ...state, objects: { ...state.objects, [key]: change(state.objects[key]!) } }
}

describe('planSetup', () => {
  it("creates everything in an empty org and updates the target queue, in the deployer's order", () => {
    const plan = planSetup(desired(), EMPTY, { adopt: false })
    const keys = plan.steps.map((s) => s.key)
    expect(plan.steps.filter((s) => s.action === 'create')).toHaveLength(plan.steps.length - 1)
    expect(plan.steps.at(-1)).toMatchObject({ key: 'targetQueue', action: 'update' })
    expect(plan.summary).toEqual({ create: plan.steps.length - 1, update: 1, keep: 0, conflict: 0 })
    const order = [
      'wrapupCode',
      'holdingQueue',
      'credential',
      'integration',
      'contactList',
      'flow:outbound',
      'flow:workflow',
      'flow:inbound',
      'flow:inQueue',
      'responseSet',
      'campaign',
      'targetQueue'
    ]
    expect(keys.filter((k) => order.includes(k))).toEqual(order)
  })

  it('puts every object after the objects it depends on', () => {
    const state = desired({ businessHours: { timeZone: 'Europe/London', days: [{ day: 'mon', open: '08:00', close: '18:00' }] } })
    const position = new Map(state.objects.map((o, i) => [o.key, i]))
    for (const o of state.objects)
      for (const dep of o.dependsOn) expect(position.get(dep), `${o.key} after ${dep}`).toBeLessThan(position.get(o.key)!)
    expect(state.objects.find((o) => o.key === 'campaign')!.dependsOn).toContain('callableTimeSet')
  })

  it('keeps everything when the org already matches (a second apply writes nothing)', () => {
    const state = desired()
    const plan = planSetup(state, appliedState(state), { adopt: false })
    expect(plan.steps.filter((s) => s.action !== 'keep')).toEqual([])
  })

  it('updates exactly what changed, naming the fields', () => {
    const state = desired()
    let actual = appliedState(state)
    actual = withObject(actual, 'campaign', (o) => ({
      ...o,
      fields: { ...o.fields, outboundLineCount: 9, campaignStatus: 'off' }
    }))
    actual = withObject(actual, 'holdingQueue', (o) => ({
      ...o,
      fields: { ...o.fields, description: `edited by hand ${OWNER_MARKER}` }
    }))
    const plan = planSetup(state, actual, { adopt: false })
    const changed = plan.steps.filter((s) => s.action !== 'keep')
    expect(changed.map((s) => s.key)).toEqual(['holdingQueue', 'campaign'])
    expect(changed[0]!.changes).toEqual(['description'])
    expect(changed[1]!.changes).toEqual(['outboundLineCount', 'campaignStatus'])
    expect(needsCampaignOff(changed[1]!.changes)).toBe(true)
    expect(needsCampaignOff(['callerName', 'campaignStatus'])).toBe(false)
  })

  it('republishes a flow whose rendered content changed, or that is not published', () => {
    const before = desired()
    const after = desired({ waitSliceSeconds: 120 })
    const plan = planSetup(after, appliedState(before), { adopt: false })
    expect(plan.steps.find((s) => s.key === 'flow:workflow')).toMatchObject({ action: 'update', changes: ['content'] })
    expect(plan.steps.find((s) => s.key === 'flow:outbound')).toMatchObject({ action: 'keep' })
    const unpublished = withObject(appliedState(before), 'flow:inbound', (o) => ({
      ...o,
      fields: { ...o.fields, publishedVersion: undefined }
    }))
    expect(planSetup(before, unpublished, { adopt: false }).steps.find((s) => s.key === 'flow:inbound')).toMatchObject({
      action: 'update',
      changes: ['publishedVersion']
    })
  })

  it('updates a dependant whose dependency will be created in this run', () => {
    const state = desired()
    const actual = appliedState(state)
    const { contactList: _gone, ...rest } = actual.objects
    const plan = planSetup(state, { ...actual, objects: rest }, { adopt: false })
    expect(plan.steps.find((s) => s.key === 'contactList')!.action).toBe('create')
    expect(plan.steps.find((s) => s.key === 'campaign')).toMatchObject({
      action: 'update',
      changes: ['reference to contactList (created in this run)']
    })
  })

  it('stops on objects setup did not make, unless told to adopt them', () => {
    const state = desired()
    const foreign = withObject(appliedState(state), 'holdingQueue', (o) => ({
      ...o,
      ours: false,
      fields: { ...o.fields, description: 'made by hand' }
    }))
    const stopped = planSetup(state, foreign, { adopt: false })
    expect(stopped.summary.conflict).toBe(1)
    expect(stopped.steps.find((s) => s.key === 'holdingQueue')).toMatchObject({ action: 'conflict' })
    const adopted = planSetup(state, foreign, { adopt: true })
    expect(adopted.steps.find((s) => s.key === 'holdingQueue')).toMatchObject({
      action: 'update',
      adopted: true,
      changes: ['ownership marker', 'description']
    })
  })

  it('uses an existing wrap-up code instead of creating one when told to', () => {
    const state = desired({ wrapupCodeName: 'Unreached' })
    expect(state.objects.some((o) => o.key === 'wrapupCode')).toBe(false)
    expect(state.objects.find((o) => o.key === 'flow:outbound')!.dependsOn).not.toContain('wrapupCode')
  })
})

describe('planTeardown', () => {
  it('restores the target queue first, then campaign before what it uses, flows before actions, queues last', () => {
    const plan = planTeardown(appliedState(desired()))
    const keys = plan.steps.map((s) => s.key)
    expect(plan.steps[0]).toMatchObject({ key: 'targetQueue', action: 'restore', restoreQueueFlowId: 'none' })
    const at = (k: string): number => keys.indexOf(k as ObjectKey)
    expect(at('campaign')).toBeLessThan(at('responseSet'))
    expect(at('campaign')).toBeLessThan(at('contactList'))
    expect(at('responseSet')).toBeLessThan(at('flow:outbound'))
    expect(at('flow:inQueue')).toBeLessThan(at('flow:inbound'))
    expect(at('flow:inbound')).toBeLessThan(at('flow:workflow'))
    expect(at('action:create-placeholder-callback')).toBeLessThan(at('integration'))
    expect(at('integration')).toBeLessThan(at('credential'))
    expect(keys.at(-1)).toBe('wrapupCode')
    expect(keys.filter((k) => k !== 'targetQueue').every((k) => plan.steps.find((s) => s.key === k)!.action === 'delete')).toBe(
      true
    )
    expect(TEARDOWN_ORDER[0]).toBe('targetQueue')
  })

  it('leaves alone what setup did not make, and a target queue whose flow someone changed', () => {
    let actual = appliedState(desired())
    actual = withObject(actual, 'holdingQueue', (o) => ({ ...o, ours: false }))
    actual = { ...actual, targetQueue: { ...actual.targetQueue!, queueFlowId: 'someone-elses-flow' } }
    const plan = planTeardown(actual)
    expect(plan.steps.some((s) => s.key === 'holdingQueue' || s.key === 'targetQueue')).toBe(false)
    expect(plan.leftAlone).toEqual([{ key: 'holdingQueue', name: 'Callback Console - Waiting callbacks' }])
  })

  it('puts back the in-queue flow the target queue had before setup', () => {
    const before = { ...EMPTY, targetQueue: { ...EMPTY.targetQueue!, queueFlowId: 'previous-flow' } }
    expect(restoreQueueFlowFor(before)).toBe('previous-flow')
    const state = desired()
    const facts = { ...FACTS, restoreQueueFlowId: restoreQueueFlowFor(before) }
    expect(JSON.stringify(state.objects.find((o) => o.key === 'holdingQueue')!.spec)).toContain('restore-queue-flow=none')
    const applied = appliedState({
      ...state,
      objects: state.objects.map((o) =>
        o.key === 'holdingQueue' && o.spec.kind === 'queue'
          ? {
              ...o,
              spec: {
                ...o.spec,
                body: {
                  ...(o.spec.body as object),
                  description: `x ${OWNER_MARKER} restore-queue-flow=${facts.restoreQueueFlowId}`
                }
              }
            }
          : o
      )
    })
    expect(restoreQueueFlowFor(applied)).toBe('previous-flow')
    expect(planTeardown(applied).steps[0]).toMatchObject({ action: 'restore', restoreQueueFlowId: 'previous-flow' })
  })
})

describe('subsetDiff', () => {
  it('ignores fields the platform adds and treats empty maps as absent', () => {
    expect(subsetDiff({ a: 1, headers: {} }, { a: 1, id: 'x', selfUri: '/y' })).toEqual([])
    expect(subsetDiff({ a: [1, 2] }, { a: [1, 3] })).toEqual(['a[1]'])
    expect(subsetDiff({ a: { b: 'c' } }, { a: null })).toEqual(['a'])
  })
})
