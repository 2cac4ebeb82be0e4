import { describe, expect, it } from 'vitest'
import { parseSetupInputs } from '../../src-main/core/setup/setup-inputs'
import { applyProgress, progressCount, type ProgressStep } from '../../src-renderer/components/setup/progress-steps'
import { defaultForm, fieldOf, problemsByField, toDraft } from '../../src-renderer/components/setup/setup-form'

describe('setup form model', () => {
  it('turns the filled form into inputs the engine accepts, defaults included', () => {
    const form = defaultForm('Europe/London')
    Object.assign(form, {
      targetQueueId: 'q-1',
      callerIdName: 'Acme',
      callerIdNumber: '+13175550100',
      telephonyId: 'site-1',
      clientId: 'c',
      clientSecret: 's'
    })
    const parsed = parseSetupInputs(toDraft(form))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value.telephony).toEqual({ kind: 'site', id: 'site-1' })
    expect(parsed.value.retry).toEqual({ maxAttempts: 3, retryDelayMinutes: 10 })
    expect(parsed.value.businessHours).toBeUndefined()
    expect(parsed.value.wrapupCodeName).toBeUndefined()

    form.useBusinessHours = true
    form.days[5]!.enabled = true
    const withHours = parseSetupInputs(toDraft(form))
    expect(withHours.ok && withHours.value.businessHours?.days.map((d) => d.day)).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
      'sat'
    ])
  })

  it('maps each schema path to the field that shows it', () => {
    expect(fieldOf('telephony.id')).toBe('telephonyId')
    expect(fieldOf('retry.retryDelayMinutes')).toBe('retryDelayMinutes')
    expect(fieldOf('dataActionsClient.clientSecret')).toBe('clientSecret')
    expect(fieldOf('businessHours.timeZone')).toBe('timeZone')
    expect(fieldOf('(inputs)')).toBe('form')
    const form = defaultForm('UTC')
    form.days[0]!.enabled = false
    // days[1] of the *enabled* days is Wednesday once Monday is off.
    expect(problemsByField([{ path: 'businessHours.days.1.close', message: 'late' }], form)).toEqual({ 'day-wed': ['late'] })
  })
})

describe('progress list', () => {
  const pending = (key: string): ProgressStep => ({ key, name: key, action: 'create', state: 'pending' })

  it('follows start, done and failed events, and appends steps the plan did not list', () => {
    let steps = [pending('a'), pending('b')]
    steps = applyProgress(steps, { kind: 'step-start', key: 'a', name: 'A', action: 'create', index: 0, total: 3 })
    expect(steps.map((s) => s.state)).toEqual(['running', 'pending'])
    steps = applyProgress(steps, { kind: 'step-done', key: 'a', name: 'A', action: 'create', id: 'x' })
    steps = applyProgress(steps, { kind: 'step-failed', key: 'b', name: 'B', error: { code: 'e', message: 'boom' } })
    steps = applyProgress(steps, { kind: 'step-start', key: 'c', name: 'C', action: 'update', index: 2, total: 3 })
    expect(steps.map((s) => `${s.key}:${s.state}`)).toEqual(['a:done', 'b:failed', 'c:running'])
    expect(steps[1]!.error).toBe('boom')
    expect(steps[1]!.action).toBe('create')
    expect(progressCount(steps)).toEqual({ done: 1, total: 3 })
  })
})
