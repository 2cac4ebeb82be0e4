import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import type {
  ApplyResult,
  InputProblem,
  PlanOutcome,
  PreflightReport,
  ProgressEvent,
  SetupChoices,
  TeardownPlan,
  TeardownResult,
  VerifyCheck,
  VerifyResult
} from '../../src-main/contract/setup-views'
import { useApi } from '../api'
import { localTimeZone } from '../board/time-format'
import { applyProgress, stepsFromPlan, stepsFromTeardown, type ProgressStep } from '../components/setup/progress-steps'
import { defaultForm, problemsByField, toDraft } from '../components/setup/setup-form'

/** What the wizard is waiting for, if anything; one operation at a time. */
export type SetupBusy = 'checking' | 'applying' | 'verifying' | 'planning-teardown' | 'tearing-down' | null

const VALIDATE_DELAY_MS = 300

/**
 * Mirror of guided setup: the form, main's validation problems, and the results of preflight, plan, apply,
 * verify and teardown, with the progress list folded from `setup:progress`. No rules live here: main validates
 * and plans. The OAuth client secret stays in memory only, in a password field, and is never echoed back.
 */
export const useSetupStore = defineStore('setup', () => {
  const form = reactive(defaultForm(localTimeZone()))
  const choices = shallowRef<SetupChoices | null>(null)
  const problems = shallowRef<readonly InputProblem[]>([])
  const busy = ref<SetupBusy>(null)
  const error = ref<string | null>(null)
  const preflight = shallowRef<PreflightReport | null>(null)
  const outcome = shallowRef<PlanOutcome | null>(null)
  const plannedFor = ref<string | null>(null)
  const steps = shallowRef<ProgressStep[]>([])
  /** Which operation the progress list belongs to. */
  const operation = ref<'apply' | 'teardown' | null>(null)
  const phaseMessage = ref('')
  const applyResult = shallowRef<ApplyResult | null>(null)
  const verifyResult = shallowRef<VerifyResult | null>(null)
  const liveChecks = shallowRef<VerifyCheck[]>([])
  const teardownPlan = shallowRef<TeardownPlan | null>(null)
  const teardownResult = shallowRef<TeardownResult | null>(null)
  let unsubscribe: (() => void) | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let validation = 0

  const fieldProblems = computed(() => problemsByField(problems.value, form))
  const draftKey = computed(() => JSON.stringify(toDraft(form)))
  /** The plan on screen was made for exactly these inputs (editing a field means checking again). */
  const planCurrent = computed(() => outcome.value !== null && plannedFor.value === draftKey.value)
  const canApply = computed(
    () => planCurrent.value && preflight.value?.ok === true && outcome.value!.plan.summary.conflict === 0 && busy.value === null
  )

  function onProgress(event: ProgressEvent): void {
    if (event.kind === 'phase') phaseMessage.value = event.message
    else if (event.kind === 'check') liveChecks.value = [...liveChecks.value, event.check]
    else steps.value = applyProgress(steps.value, event)
  }

  async function start(): Promise<void> {
    unsubscribe ??= useApi().on('setup:progress', onProgress)
    const result = await useApi().invoke('setup:choices', undefined)
    if (result.ok) choices.value = result.value
    else error.value = result.error.message
    await validateNow()
  }

  /** Leaving the page forgets the OAuth client secret; it is only needed while setting up. */
  function stop(): void {
    form.clientSecret = ''
    unsubscribe?.()
    unsubscribe = null
    if (timer) clearTimeout(timer)
    timer = null
  }

  /** Debounced validation while the lead types. */
  function scheduleValidate(): void {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void validateNow(), VALIDATE_DELAY_MS)
  }

  async function validateNow(): Promise<readonly InputProblem[]> {
    if (timer) clearTimeout(timer)
    timer = null
    const mine = ++validation
    const result = await useApi().invoke('setup:validate', toDraft(form) as unknown as Record<string, unknown>)
    if (mine !== validation) return problems.value
    problems.value = result.ok ? result.value : [{ path: '(inputs)', message: result.error.message }]
    return problems.value
  }

  /** Preflight, then (when the org allows it) the plan with its exports. */
  async function check(): Promise<boolean> {
    if (busy.value) return false
    if ((await validateNow()).length > 0) return false
    busy.value = 'checking'
    error.value = null
    const key = draftKey.value
    const draft = toDraft(form)
    try {
      const pre = await useApi().invoke('setup:preflight', draft)
      if (!pre.ok) return fail(pre.error.message)
      preflight.value = pre.value
      outcome.value = null
      if (!pre.value.ok) return false
      const planned = await useApi().invoke('setup:plan', draft)
      if (!planned.ok) return fail(planned.error.message)
      outcome.value = planned.value
      plannedFor.value = key
      return true
    } finally {
      busy.value = null
    }
  }

  /** Applies the plan (again, to resume after a failure: main reads the state back from the org), then verifies. */
  async function apply(): Promise<boolean> {
    if (busy.value || !outcome.value) return false
    busy.value = 'applying'
    error.value = null
    operation.value = 'apply'
    steps.value = stepsFromPlan(outcome.value.plan)
    applyResult.value = null
    verifyResult.value = null
    phaseMessage.value = ''
    try {
      const result = await useApi().invoke('setup:apply', toDraft(form))
      if (!result.ok) return fail(result.error.message)
      applyResult.value = result.value
      if (!result.value.ok && result.value.preflight) preflight.value = result.value.preflight
      if (!result.value.ok) return false
    } finally {
      busy.value = null
    }
    return verify()
  }

  async function verify(): Promise<boolean> {
    if (busy.value) return false
    busy.value = 'verifying'
    liveChecks.value = []
    try {
      const result = await useApi().invoke('setup:verify', toDraft(form))
      if (!result.ok) return fail(result.error.message)
      verifyResult.value = result.value
      return result.value.ok
    } finally {
      busy.value = null
    }
  }

  /** What teardown would remove, for the confirmation dialog. */
  async function planTeardown(): Promise<TeardownPlan | null> {
    if (busy.value) return null
    busy.value = 'planning-teardown'
    error.value = null
    teardownPlan.value = null
    try {
      const result = await useApi().invoke('setup:teardown-plan', teardownScope())
      if (!result.ok) {
        fail(result.error.message)
        return null
      }
      teardownPlan.value = result.value
      return result.value
    } finally {
      busy.value = null
    }
  }

  /** Removes setup's objects; only called from the confirmation dialog. */
  async function teardown(): Promise<boolean> {
    if (busy.value || !teardownPlan.value) return false
    busy.value = 'tearing-down'
    error.value = null
    operation.value = 'teardown'
    phaseMessage.value = ''
    steps.value = stepsFromTeardown(teardownPlan.value)
    teardownResult.value = null
    try {
      const result = await useApi().invoke('setup:teardown', { ...teardownScope(), confirmed: true })
      if (!result.ok) return fail(result.error.message)
      teardownResult.value = result.value
      if (result.value.ok) {
        applyResult.value = null
        verifyResult.value = null
        outcome.value = null
        preflight.value = null
      }
      return result.value.ok
    } finally {
      busy.value = null
    }
  }

  function teardownScope(): { namePrefix: string; targetQueueId?: string } {
    const namePrefix = form.namePrefix.trim()
    return form.targetQueueId ? { namePrefix, targetQueueId: form.targetQueueId } : { namePrefix }
  }

  function fail(message: string): false {
    error.value = message
    return false
  }

  return {
    form,
    choices,
    problems,
    fieldProblems,
    busy,
    error,
    preflight,
    outcome,
    planCurrent,
    canApply,
    steps,
    operation,
    phaseMessage,
    applyResult,
    verifyResult,
    liveChecks,
    teardownPlan,
    teardownResult,
    start,
    stop,
    scheduleValidate,
    validateNow,
    check,
    apply,
    verify,
    planTeardown,
    teardown
  }
})
