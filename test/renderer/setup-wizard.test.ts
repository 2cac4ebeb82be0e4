import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  ApplyResult,
  PlanOutcome,
  PlanStep,
  PreflightReport,
  SetupChoices,
  TeardownPlan,
  VerifyResult
} from '../../src-main/contract/setup-views'
import { parseSetupInputs } from '../../src-main/core/setup/setup-inputs'
import { setApiForTesting } from '../../src-renderer/api'
import { useProfileStore } from '../../src-renderer/stores/profile'
import { useSessionStore } from '../../src-renderer/stores/session'
import SetupPage from '../../src-renderer/views/SetupPage.vue'
import { FakeApi } from '../helpers/fake-api'
import { session } from './support/fixtures'

const CHOICES: SetupChoices = {
  queues: [
    { id: 'q-target', name: 'Customer Service' },
    { id: 'q-other', name: 'Billing' }
  ],
  sites: [{ id: 'site-1', name: 'Indianapolis' }],
  edgeGroups: [],
  wrapupCodes: [{ id: 'w-1', name: 'No answer' }],
  problems: { edgeGroups: 'Missing permission telephony:plugin:all.' }
}

const step = (key: string, name: string, action: PlanStep['action'], changes: string[] = []): PlanStep =>
  ({ key, kind: 'queue', name, action, changes }) as unknown as PlanStep
const STEPS: PlanStep[] = [
  step('holdingQueue', 'CC Holding', 'create'),
  step('contactList', 'CC Contacts', 'update', ['columns']),
  step('campaign', 'CC Campaign', 'keep')
]
const PLAN = { steps: STEPS, summary: { create: 1, update: 1, keep: 1, conflict: 0 } }
const OUTCOME: PlanOutcome = {
  plan: PLAN,
  report: {
    kind: 'callback-console-setup-plan',
    version: 1,
    generatedAt: '2026-11-24T10:00:00.000Z',
    inputs: { namePrefix: 'CC' },
    summary: PLAN.summary,
    steps: STEPS
  },
  terraform: 'resource "genesyscloud_routing_queue" "holding" {}\n'
}
const PREFLIGHT_OK: PreflightReport = {
  ok: true,
  principal: 'callback-console-demo',
  orgName: 'Demo org',
  permissions: { source: 'subject', missing: [] },
  limits: [{ name: 'Campaigns', used: 1, max: 50, ok: true }],
  conflicts: [],
  problems: [],
  warnings: [],
  plan: PLAN
}
const TALLY = { reads: 20, writes: 2, uploads: 0, probes: 0 }
const PROFILE = { holdingQueueId: 'hq', targetQueueIds: ['q-target'], campaignId: 'c', contactListId: 'cl' }
const VERIFY_OK: VerifyResult = {
  ok: true,
  checks: [{ name: 'Campaign on', ok: true, detail: 'on, always running' }],
  tally: TALLY
}

/** Spark buttons are unknown elements in happy-dom, so Vue reflects `disabled` as the attribute "true" / "false". */
function isDisabled(w: VueWrapper, selector: string): boolean {
  const value = w.get(selector).attributes('disabled')
  return value === '' || value === 'true'
}

/** Main's real validation rules, so the messages shown are the ones the engine would give. */
function validate(draft: unknown) {
  const parsed = parseSetupInputs(draft)
  return { ok: true as const, value: parsed.ok ? [] : parsed.problems }
}

describe('guided setup page', () => {
  let api: FakeApi
  let wrapper: VueWrapper | null = null

  beforeEach(() => {
    setActivePinia(createPinia())
    api = new FakeApi().reply('setup:choices', () => ({ ok: true, value: CHOICES })).reply('setup:validate', validate)
    setApiForTesting(api)
    useSessionStore().view = session()
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    setApiForTesting(null)
    vi.useRealTimers()
  })

  async function open(): Promise<VueWrapper> {
    wrapper = mount(SetupPage, { attachTo: document.body })
    await flushPromises()
    return wrapper
  }

  async function fillValid(w: VueWrapper): Promise<void> {
    await w.get('#setup-targetQueueId').setValue('q-target')
    await w.get('#setup-namePrefix').setValue('CC')
    await w.get('#setup-callerIdName').setValue('Acme Care')
    await w.get('#setup-callerIdNumber').setValue('+13175550100')
    await w.get('#setup-telephonyId').setValue('site-1')
    await w.get('#setup-clientId').setValue('client-1')
    await w.get('#setup-clientSecret').setValue('s3cret')
  }

  const invoked = (command: string) => api.calls.filter((c) => c.command === command)

  it('pre-fills defaults and offers the org’s queues and sites, saying why a list is empty', async () => {
    const w = await open()
    expect((w.get('#setup-namePrefix').element as HTMLInputElement).value).toBe('Callback Console')
    expect((w.get('#setup-outboundLines').element as HTMLInputElement).value).toBe('2')
    expect((w.get('#setup-waitSliceSeconds').element as HTMLInputElement).value).toBe('60')
    expect(w.findAll('#setup-targetQueueId option').map((o) => o.text())).toEqual([
      'Choose a queue…',
      'Customer Service',
      'Billing'
    ])
    await w.get('input[value=edgeGroup]').setValue(true)
    expect(w.get('[data-testid=problem-telephonyId]').text()).toContain('Missing permission telephony:plugin:all.')
    expect((w.get('#setup-clientSecret').element as HTMLInputElement).type).toBe('password')
  })

  it('validates as the lead types (debounced) and shows each problem beside its field', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const w = await open()
    const before = invoked('setup:validate').length
    await w.get('#setup-callerIdNumber').setValue('317555')
    await w.get('#setup-callerIdNumber').setValue('3175550100')
    expect(invoked('setup:validate').length).toBe(before)
    vi.advanceTimersByTime(300)
    await flushPromises()
    expect(invoked('setup:validate').length).toBe(before + 1)
    expect(w.get('[data-testid=problem-callerIdNumber]').text()).toBe('use E.164, e.g. +13175550100')
    expect(w.get('#setup-callerIdNumber').attributes('aria-describedby')).toBe('setup-callerIdNumber-error')
    expect(w.find('[data-testid=problem-clientId]').exists()).toBe(false)

    await w.get('#setup-waitSliceSeconds').setValue('5')
    vi.advanceTimersByTime(300)
    await flushPromises()
    expect(w.get('[data-testid=problem-waitSliceSeconds]').text()).toMatch(/>=15|at least 15|too small/i)

    await w.get('#setup-callerIdNumber').setValue('+13175550100')
    vi.advanceTimersByTime(300)
    await flushPromises()
    expect(w.find('[data-testid=problem-callerIdNumber]').exists()).toBe(false)
  })

  it('shows business-hours problems on the day they belong to', async () => {
    const w = await open()
    await w.get('#setup-useBusinessHours').setValue(true)
    const tuesday = w.findAll('input[type=time]').filter((i) => i.attributes('aria-label') === 'Tuesday closes')[0]!
    await tuesday.setValue('07:00')
    await useCheck(w)
    expect(w.get('[data-testid=problem-day-tue]').text()).toBe('the closing time must be after the opening time')
    expect(w.get('[data-testid=problem-day-mon]').text()).toBe('')
  })

  /** Presses "Check", which validates at once and reveals every problem. */
  async function useCheck(w: VueWrapper): Promise<void> {
    await w.get('[data-testid=check]').trigger('click')
    await flushPromises()
  }

  it('will not check the org while inputs have problems, and reveals them all', async () => {
    const w = await open()
    await useCheck(w)
    expect(invoked('setup:preflight')).toHaveLength(0)
    expect(w.get('[data-testid=problem-targetQueueId]').text()).toBe('not a valid Genesys id')
    expect(w.get('[data-testid=problem-clientId]').text()).toBe('give the OAuth client id')
    expect(w.get('[data-testid=problem-clientSecret]').text()).toBe('give the OAuth client secret')
  })

  it('reports preflight in plain words: missing permissions, limits, conflicts with the adopt option', async () => {
    const blocked: PreflightReport = {
      ...PREFLIGHT_OK,
      ok: false,
      permissions: { source: 'subject', missing: [{ anyOf: ['outbound:campaign:add'], why: 'create the campaign' }] },
      limits: [{ name: 'Campaigns', used: 50, max: 50, ok: false }],
      conflicts: [
        {
          ...STEPS[0]!,
          action: 'conflict',
          changes: ['a queue named "CC Holding" already exists and was not created by guided setup']
        }
      ],
      problems: ['1 permission is missing.'],
      warnings: ['The site has no outbound route.'],
      plan: null
    }
    api.reply('setup:preflight', (input) => ({
      ok: true,
      value: (input as { adopt: boolean }).adopt ? PREFLIGHT_OK : blocked
    }))
    api.reply('setup:plan', () => ({ ok: true, value: OUTCOME }))
    const w = await open()
    await fillValid(w)
    await useCheck(w)
    expect(w.get('[data-testid=preflight-blocked]').text()).toContain('cannot start')
    expect(w.get('[data-testid=preflight-permissions]').text()).toContain('outbound:campaign:add — to create the campaign')
    expect(w.get('[data-testid=preflight-limits]').text()).toContain('Campaigns: 50 of 50 used — no room')
    expect(w.get('[data-testid=preflight-conflicts]').text()).toContain('"CC Holding" already exists')
    expect(w.get('[data-testid=preflight-problems]').text()).toContain('1 permission is missing.')
    expect(w.get('[data-testid=preflight-warnings]').text()).toContain('no outbound route')
    expect(w.find('[data-testid=plan]').exists()).toBe(false)
    expect(invoked('setup:plan')).toHaveLength(0)

    await w.get('[data-testid=adopt-existing]').trigger('click')
    await flushPromises()
    expect((w.get('#setup-adopt').element as HTMLInputElement).checked).toBe(true)
    expect((invoked('setup:preflight').at(-1)!.input as { adopt: boolean }).adopt).toBe(true)
    expect(w.get('[data-testid=preflight-ok]').text()).toContain('callback-console-demo')
    expect(w.find('[data-testid=plan]').exists()).toBe(true)
  })

  it('shows the plan as create / update / keep per object and marks it stale when inputs change', async () => {
    api
      .reply('setup:preflight', () => ({ ok: true, value: PREFLIGHT_OK }))
      .reply('setup:plan', () => ({ ok: true, value: OUTCOME }))
    const w = await open()
    await fillValid(w)
    await useCheck(w)
    expect(w.get('[data-testid=plan-summary]').text()).toBe('1 to create, 1 to update, 1 unchanged.')
    const rows = w.findAll('[data-testid=plan] tbody tr')
    expect(rows.map((r) => [r.attributes('data-key'), r.find('td').text()])).toEqual([
      ['holdingQueue', '+ create'],
      ['contactList', '~ update'],
      ['campaign', '= keep']
    ])
    expect(rows[1]!.text()).toContain('columns')
    expect(isDisabled(w, '[data-testid=apply]')).toBe(false)
    await w.get('#setup-callerIdName').setValue('Acme Support')
    expect(w.find('[data-testid=plan-stale]').exists()).toBe(true)
    expect(isDisabled(w, '[data-testid=apply]')).toBe(true)
  })

  it('applies with per-step progress from setup:progress, then verifies and links to the board', async () => {
    let finish: (r: { ok: true; value: ApplyResult }) => void = () => undefined
    api
      .reply('setup:preflight', () => ({ ok: true, value: PREFLIGHT_OK }))
      .reply('setup:plan', () => ({ ok: true, value: OUTCOME }))
      .reply('setup:apply', () => new Promise((resolve) => (finish = resolve)))
      .reply('setup:verify', () => ({ ok: true, value: VERIFY_OK }))
      .reply('profile:get', () => ({ ok: true, value: PROFILE }))
    const w = await open()
    await fillValid(w)
    await useCheck(w)
    await w.get('[data-testid=apply]').trigger('click')
    await flushPromises()
    const state = () =>
      w.findAll('[data-testid=progress] li').map((li) => `${li.attributes('data-key')}:${li.attributes('data-state')}`)
    expect(state()).toEqual(['holdingQueue:pending', 'contactList:pending', 'campaign:pending'])

    api.push('setup:progress', { kind: 'phase', phase: 'apply', message: 'Applying: 1 to create' })
    api.push('setup:progress', {
      kind: 'step-start',
      key: 'holdingQueue',
      name: 'CC Holding',
      action: 'create',
      index: 0,
      total: 3
    })
    await flushPromises()
    expect(state()[0]).toBe('holdingQueue:running')
    expect(w.get('[data-testid=progress-status]').text()).toBe('Working on CC Holding…')
    expect(w.get('[data-testid=progress-status]').attributes('aria-live')).toBe('polite')
    api.push('setup:progress', { kind: 'step-done', key: 'holdingQueue', name: 'CC Holding', action: 'create', id: 'hq' })
    api.push('setup:progress', {
      kind: 'step-start',
      key: 'contactList',
      name: 'CC Contacts',
      action: 'update',
      index: 1,
      total: 3
    })
    await flushPromises()
    expect(state()).toEqual(['holdingQueue:done', 'contactList:running', 'campaign:pending'])
    expect(w.get('[data-testid=progress-bar]').attributes('value')).toBe('1')
    expect(w.get('[data-testid=progress-bar]').attributes('max')).toBe('3')

    for (const [key, name, action] of [
      ['contactList', 'CC Contacts', 'update'],
      ['campaign', 'CC Campaign', 'keep']
    ] as const)
      api.push('setup:progress', { kind: 'step-done', key, name, action })
    finish({ ok: true, value: { ok: true, plan: PLAN, done: [], tally: TALLY, profile: PROFILE } })
    await flushPromises()
    expect(state().every((s) => s.endsWith(':done'))).toBe(true)
    expect(w.get('[data-testid=apply-done]').text()).toContain('2 writes')
    expect(w.get('[data-testid=open-board]').attributes('href')).toBe('#/board')
    expect(invoked('profile:get')).toHaveLength(1)
    expect(useProfileStore().profile).toEqual(PROFILE)
    expect(invoked('setup:verify')).toHaveLength(1)
    expect(w.get('[data-testid=verify-ok]').text()).toBe('Every check passed.')
    expect(w.get('[data-testid=verify] li').attributes('data-ok')).toBe('true')
  })

  it('names the step that failed and resumes with a second apply', async () => {
    const failed: ApplyResult = {
      ok: false,
      error: {
        code: 'server-error',
        message: 'Stopped at contactList ("CC Contacts"): the org had a problem.',
        step: 'contactList'
      },
      done: [{ key: 'holdingQueue', name: 'CC Holding', action: 'create', id: 'hq' }],
      tally: TALLY
    }
    let attempt = 0
    api
      .reply('setup:preflight', () => ({ ok: true, value: PREFLIGHT_OK }))
      .reply('setup:plan', () => ({ ok: true, value: OUTCOME }))
      .reply('setup:apply', () => {
        attempt++
        if (attempt === 1) {
          api.push('setup:progress', { kind: 'step-done', key: 'holdingQueue', name: 'CC Holding', action: 'create' })
          api.push('setup:progress', {
            kind: 'step-failed',
            key: 'contactList',
            name: 'CC Contacts',
            error: { code: 'server-error', message: 'the org had a problem.' }
          })
          return { ok: true, value: failed }
        }
        return { ok: true, value: { ok: true, plan: PLAN, done: [], tally: TALLY, profile: PROFILE } }
      })
      .reply('setup:verify', () => ({ ok: true, value: VERIFY_OK }))
    const w = await open()
    await fillValid(w)
    await useCheck(w)
    await w.get('[data-testid=apply]').trigger('click')
    await flushPromises()
    const alert = w.get('[data-testid=apply-failed]')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.get('strong').text()).toBe('contactList')
    expect(alert.text()).toContain('the org had a problem.')
    expect(w.get('[data-testid=progress] li[data-key=contactList]').attributes('data-state')).toBe('failed')
    expect(w.get('[data-testid=progress] li[data-key=contactList]').text()).toContain('the org had a problem.')
    expect(invoked('setup:verify')).toHaveLength(0)

    await w.get('[data-testid=resume]').trigger('click')
    await flushPromises()
    expect(invoked('setup:apply')).toHaveLength(2)
    expect(w.find('[data-testid=apply-failed]').exists()).toBe(false)
    expect(w.find('[data-testid=apply-done]').exists()).toBe(true)
  })

  it('confirms a teardown by listing exactly what goes, then tears down with confirmed: true', async () => {
    const plan: TeardownPlan = {
      steps: [
        {
          key: 'targetQueue',
          kind: 'targetQueue',
          name: 'Customer Service',
          id: 'q-target',
          action: 'restore',
          restoreQueueFlowId: 'none'
        },
        { key: 'campaign', kind: 'campaign', name: 'CC Campaign', id: 'c', action: 'delete' },
        { key: 'holdingQueue', kind: 'queue', name: 'CC Holding', id: 'hq', action: 'delete' }
      ],
      leftAlone: [{ key: 'wrapupCode', name: 'CC No answer' }]
    }
    api.reply('setup:teardown-plan', () => ({ ok: true, value: plan }))
    api.reply('setup:teardown', () => {
      for (const s of plan.steps) api.push('setup:progress', { kind: 'step-done', key: s.key, name: s.name, action: s.action })
      return { ok: true, value: { ok: true, plan, done: plan.steps, tally: TALLY } }
    })
    const w = await open()
    await w.get('#setup-namePrefix').setValue('CC')
    await w.get('#setup-targetQueueId').setValue('q-target')
    await w.get('[data-testid=teardown]').trigger('click')
    await flushPromises()
    expect(invoked('setup:teardown-plan')[0]!.input).toEqual({ namePrefix: 'CC', targetQueueId: 'q-target' })
    const dialog = w.get('[data-testid=teardown-dialog]')
    expect(dialog.findAll('[data-testid=teardown-deletes] li').map((li) => li.text())).toEqual([
      'CC Campaign campaign',
      'CC Holding holdingQueue'
    ])
    expect(dialog.get('[data-testid=teardown-restores]').text()).toContain('Customer Service')
    expect(dialog.get('[data-testid=teardown-left-alone]').text()).toContain('CC No answer')
    expect(invoked('setup:teardown')).toHaveLength(0)

    await dialog.get('[data-testid=confirm-teardown]').trigger('click')
    await flushPromises()
    expect(invoked('setup:teardown')[0]!.input).toEqual({ namePrefix: 'CC', targetQueueId: 'q-target', confirmed: true })
    expect(w.find('[data-testid=teardown-dialog]').exists()).toBe(false)
    expect(w.get('[data-testid=teardown-done]').text()).toBe('Removed 3 objects.')
    expect(w.findAll('[data-testid=progress] li').every((li) => li.attributes('data-state') === 'done')).toBe(true)
  })

  it('cancelling the teardown dialog removes nothing', async () => {
    api.reply('setup:teardown-plan', () => ({ ok: true, value: { steps: [], leftAlone: [] } }))
    const w = await open()
    await w.get('[data-testid=teardown]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid=teardown-nothing]').exists()).toBe(true)
    expect(isDisabled(w, '[data-testid=confirm-teardown]')).toBe(true)
    await w.get('[data-testid=cancel-teardown]').trigger('click')
    expect(w.find('[data-testid=teardown-dialog]').exists()).toBe(false)
    expect(invoked('setup:teardown')).toHaveLength(0)
  })

  it('downloads the plan as a Terraform file and as a JSON report', async () => {
    api
      .reply('setup:preflight', () => ({ ok: true, value: PREFLIGHT_OK }))
      .reply('setup:plan', () => ({ ok: true, value: OUTCOME }))
    const blobs: Blob[] = []
    const names: string[] = []
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), `blob:${blobs.length}`))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download)
    })
    try {
      const w = await open()
      await fillValid(w)
      await useCheck(w)
      await w.get('[data-testid=export-terraform]').trigger('click')
      await w.get('[data-testid=export-json]').trigger('click')
      expect(names).toEqual(['cc.tf', 'cc-plan.json'])
      expect(await blobs[0]!.text()).toBe(OUTCOME.terraform)
      const report = JSON.parse(await blobs[1]!.text()) as PlanOutcome['report']
      expect(report.kind).toBe('callback-console-setup-plan')
      expect(report.steps.map((s) => s.key)).toEqual(['holdingQueue', 'contactList', 'campaign'])
      expect(document.querySelectorAll('a[download]')).toHaveLength(0)
    } finally {
      create.mockRestore()
      click.mockRestore()
    }
  })

  it('never sends the secret anywhere but the setup commands, and says so when main refuses', async () => {
    api.reply('setup:preflight', () => ({ ok: false, error: { code: 'not-signed-in', message: 'Sign in first.' } }))
    const w = await open()
    await fillValid(w)
    await useCheck(w)
    expect(w.get('[data-testid=setup-error]').text()).toBe('Sign in first.')
    const leaked = api.calls.filter((c) => JSON.stringify(c.input ?? '').includes('s3cret') && !c.command.startsWith('setup:'))
    expect(leaked).toHaveLength(0)
  })
})
