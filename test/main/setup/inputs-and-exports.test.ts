import { describe, expect, it } from 'vitest'
import { formatPlan, formatTeardown, planReport } from '../../../src-main/core/setup/plan-report'
import { planSetup, planTeardown } from '../../../src-main/core/setup/planner'
import { parseSetupInputs } from '../../../src-main/core/setup/setup-inputs'
import { contentHash, isOwned, ownedDescription, ownedTags, setupNames } from '../../../src-main/core/setup/setup-names'
import { grants, groupNeeds, permissionsFromPolicies, unmetNeeds } from '../../../src-main/core/setup/setup-permissions'
import { terraformExport } from '../../../src-main/core/setup/terraform-export'
import { appliedState, desired, inputs, SITE_ID, TARGET_ID } from './fixtures'

describe('setup inputs', () => {
  const base = {
    targetQueueId: TARGET_ID,
    callerIdName: 'Acme',
    callerIdNumber: '+13175550100',
    telephony: { kind: 'site', id: SITE_ID },
    dataActionsClient: { clientId: 'c', clientSecret: 's' }
  }

  it('fills the wizard defaults', () => {
    const parsed = parseSetupInputs(base)
    expect(parsed.ok && parsed.value).toMatchObject({
      namePrefix: 'Callback Console',
      outboundLines: 2,
      waitSliceSeconds: 60,
      offerThresholdSeconds: 120,
      retry: { maxAttempts: 3, retryDelayMinutes: 10 },
      adopt: false
    })
  })

  it('names each bad field with a plain message', () => {
    const parsed = parseSetupInputs({
      ...base,
      callerIdNumber: '3175550100',
      telephony: { kind: 'trunk', id: 'x' },
      outboundLines: 0,
      namePrefix: 'bad/prefix'
    })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    const paths = parsed.problems.map((p) => p.path)
    expect(paths).toEqual(expect.arrayContaining(['callerIdNumber', 'telephony.kind', 'outboundLines', 'namePrefix']))
    expect(parsed.problems.find((p) => p.path === 'callerIdNumber')!.message).toContain('E.164')
  })

  it('checks business hours: known time zone, closing after opening', () => {
    const bad = parseSetupInputs({
      ...base,
      businessHours: { timeZone: 'Mars/Olympus', days: [{ day: 'mon', open: '18:00', close: '08:00' }] }
    })
    expect(bad.ok || bad.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['businessHours.timeZone', 'businessHours.days.0.close'])
    )
    expect(
      parseSetupInputs({
        ...base,
        businessHours: { timeZone: 'Europe/London', days: [{ day: 'sat', open: '09:00', close: '13:00' }] }
      }).ok
    ).toBe(true)
  })
})

describe('names and ownership marker', () => {
  it('derives every name from the prefix and reads tags back', () => {
    expect(setupNames('Acme').holdingQueue).toBe('Acme - Waiting callbacks')
    const d = ownedDescription('Holds callbacks.', { target: 'q1', 'restore-queue-flow': 'none' })
    expect(isOwned(d)).toBe(true)
    expect(isOwned('Holds callbacks.')).toBe(false)
    expect(ownedTags(d)).toEqual({ target: 'q1', 'restore-queue-flow': 'none' })
  })

  it('hashes content so any change shows', () => {
    expect(contentHash('abc')).toHaveLength(16)
    expect(contentHash('abc')).toBe(contentHash('abc'))
    expect(contentHash('abc')).not.toBe(contentHash('abd'))
  })
})

describe('permissions', () => {
  it('matches wildcards segment by segment', () => {
    expect(grants('*', 'routing:queue:add')).toBe(true)
    expect(grants('routing:*:add', 'routing:queue:add')).toBe(true)
    expect(grants('*:*:view', 'routing:queue:add')).toBe(false)
  })

  it('reports needs none of whose permissions is held, each once with every reason', () => {
    const needs = [
      { anyOf: ['architect:flow:publish', 'architect:flow:unlock'], why: 'publish' },
      { anyOf: ['routing:queue:add'], why: 'create the holding queue' },
      { anyOf: ['routing:queue:add'], why: 'again' }
    ]
    expect(unmetNeeds(['architect:flow:unlock', '*:*:view'], needs).map((n) => n.anyOf[0])).toEqual(['routing:queue:add'])
    expect(groupNeeds(needs.slice(1))).toEqual([{ anyOf: ['routing:queue:add'], why: 'create the holding queue, again' }])
    expect(permissionsFromPolicies([{ domain: 'routing', entityName: 'queue', actions: ['add', 'view'] }])).toEqual([
      'routing:queue:add',
      'routing:queue:view'
    ])
  })
})

describe('exports', () => {
  const state = desired()
  const plan = planSetup(state, appliedState(state), { adopt: false })

  it('formats the plan like terraform plan and the teardown as a list', () => {
    const text = formatPlan(planSetup(state, { objects: {}, targetQueue: appliedState(state).targetQueue }, { adopt: false }))
    expect(text.split('\n')[0]).toMatch(/^Plan: \d+ to create, 1 to update, 0 unchanged\.$/)
    expect(text).toContain('  + holdingQueue')
    expect(formatPlan(plan).split('\n')[0]).toMatch(/0 to create, 0 to update, \d+ unchanged/)
    expect(formatTeardown(planTeardown(appliedState(state)))).toContain('< targetQueue')
  })

  it('writes a JSON report without the client secret', () => {
    const report = planReport(plan, inputs(), Date.UTC(2025, 0, 2))
    expect(report).toMatchObject({
      kind: 'callback-console-setup-plan',
      generatedAt: '2025-01-02T00:00:00.000Z',
      summary: plan.summary
    })
    expect(JSON.stringify(report)).not.toContain('very-secret')
  })

  it('exports CX-as-Code resources with escaped templates, variables for secrets and no self references', () => {
    const tf = terraformExport(state, inputs())
    for (const r of [
      'genesyscloud_routing_queue" "holding',
      'genesyscloud_integration" "data_actions',
      'genesyscloud_integration_action',
      'genesyscloud_outbound_contact_list" "callbacks',
      'genesyscloud_flow" "workflow',
      'genesyscloud_outbound_callanalysisresponseset',
      'genesyscloud_outbound_campaign" "callbacks'
    ]) {
      expect(tf).toContain(`resource "${r}`)
    }
    expect(tf).not.toContain('very-secret')
    expect(tf).toContain('clientSecret" = var.data_actions_client_secret')
    expect(tf).toContain('$${input.contactListId}')
    expect(tf).not.toMatch(/[^$]\$\{input\./)
    expect(tf).toContain('campaign_status = "on"')
    expect(tf).toContain('data = genesyscloud_flow.outbound.id')
    const workflow = tf.slice(
      tf.indexOf('resource "genesyscloud_flow" "workflow"'),
      tf.indexOf('resource "genesyscloud_flow" "inbound"')
    )
    expect(workflow).toContain('"holdingQueueId" = genesyscloud_routing_queue.holding.id')
    expect(workflow).not.toContain('genesyscloud_flow.workflow.id')
    expect(tf.slice(tf.indexOf('resource "genesyscloud_flow" "inbound"'))).toContain(
      '"workflowId" = genesyscloud_flow.workflow.id'
    )
  })
})
