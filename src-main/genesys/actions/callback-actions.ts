import type platformClient from 'purecloud-platform-client-v2'
import type { ActionOutcomeView } from '../../contract/live-views'
import type { AuditAction, AuditInput } from '../../core/audit'
import { decide, isOwnWrite, type LifecycleCommand, type LifecycleConflict, type LifecycleEffect } from '../../core/lifecycle'
import type { Actor } from '../../core/lifecycle-model'
import type { ApiError, ApiResult, Gateway } from '../gateway-types'
import { toCallbackSnapshot, type CallbackSnapshot } from './callback-truth'
import { contactRowFor } from './contact-row'

export interface CallbackActionsDeps {
  readonly gateway: Gateway
  /** The deployment profile's contact list (where dispatches are appended). */
  readonly contactListId: () => string | null
  readonly actor: () => Actor
  readonly now: () => number
  readonly newId: () => string
  readonly audit: (input: AuditInput) => void
  /**
   * How long to wait after our claim write before reading it back. Two consoles that read the callback at the
   * same moment both write; waiting longer than one read→write round trip lets the later write land first, so
   * exactly one of them sees its own id and goes on. 400 ms by default.
   */
  readonly settleMs?: number
  readonly sleep?: (ms: number) => Promise<void>
}

/** What an action asks of each callback; resolved per callback because shifts depend on its own due time. */
type CommandFor = (snapshot: CallbackSnapshot, actor: Actor) => LifecycleCommand

const AUDIT_OF: Readonly<Record<string, AuditAction>> = { cancel: 'cancel', reschedule: 'reschedule', 'call-now': 'call-now' }

/**
 * Cancel, reschedule and call now, exactly as the lifecycle contract says (DESIGN §1): read the callback fresh,
 * decide with the pure state machine, write the `cc.*` attributes with a unique action id, read back to make
 * sure no other console wrote after us, and only then perform the side effects (append, uncallable, disconnect).
 * Two consoles acting at once therefore get one success and one plain conflict, and never a double dial:
 * the contact id of a dispatch is derived from the callback and attempt, and appended with `doNotQueue`.
 */
export class CallbackActions {
  constructor(private readonly deps: CallbackActionsDeps) {}

  cancel(ids: readonly string[], reason: string, note?: string): Promise<ActionOutcomeView[]> {
    const why = note ? `${reason}: ${note}` : reason
    return this.runAll(ids, (_s, actor) => ({ kind: 'cancel', actor, reason: why }))
  }

  reschedule(
    ids: readonly string[],
    target: { readonly dueAtMs: number } | { readonly shiftMinutes: number }
  ): Promise<ActionOutcomeView[]> {
    return this.runAll(ids, (snapshot, actor) => {
      const base = snapshot.truth.dueAtMs ?? this.deps.now()
      const dueAtMs = 'dueAtMs' in target ? target.dueAtMs : base + target.shiftMinutes * 60_000
      return { kind: 'reschedule', actor, dueAtMs }
    })
  }

  callNow(ids: readonly string[]): Promise<ActionOutcomeView[]> {
    return this.runAll(ids, (_s, actor) => ({ kind: 'call-now', actor }))
  }

  /** Reads one callback (for reveal and the timeline); null with a plain error when it cannot be read. */
  async read(id: string): Promise<ApiResult<CallbackSnapshot>> {
    const result = await this.deps.gateway.call('GET /api/v2/conversations/callbacks/{conversationId}', (apis) =>
      apis.conversations.getConversationsCallback(id)
    )
    if (!result.ok) return result
    const snapshot = toCallbackSnapshot(result.value)
    if (!snapshot) return { ok: false, error: { code: 'not-found', message: 'That callback no longer exists.' } }
    return { ok: true, value: snapshot }
  }

  private async runAll(ids: readonly string[], commandFor: CommandFor): Promise<ActionOutcomeView[]> {
    const batchId = ids.length > 1 ? this.deps.newId() : null
    const outcomes: ActionOutcomeView[] = []
    // Sequential on purpose: bulk actions stay inside the rate budget and audit in order.
    for (const id of ids) outcomes.push(await this.runOne(id, commandFor, batchId))
    return outcomes
  }

  private async runOne(id: string, commandFor: CommandFor, batchId: string | null): Promise<ActionOutcomeView> {
    const actor = this.deps.actor()
    const read = await this.read(id)
    if (!read.ok) return this.fail(id, read.error, null, null)
    const command = commandFor(read.value, actor)
    const actionId = this.deps.newId()
    const decision = decide(read.value.truth, command, { nowMs: this.deps.now(), actionId })
    const auditAs = AUDIT_OF[command.kind] ?? 'cancel'
    const base = { actor, action: auditAs, conversationId: id, phoneNumber: read.value.phoneNumber, batchId }
    if (!decision.ok) return this.conflict(id, decision.conflict, base)
    const reason = 'reason' in command ? (command.reason ?? null) : null

    let claimed = false
    for (const effect of decision.effects) {
      const done = await this.perform(effect, read.value)
      if (!done.ok) return this.fail(id, done.error, base, reason)
      if (effect.kind === 'write-attributes' && !claimed) {
        claimed = true
        await (this.deps.sleep ?? defaultSleep)(this.deps.settleMs ?? 400)
        const again = await this.read(id)
        if (!again.ok) return this.fail(id, again.error, base, null)
        if (!isOwnWrite(again.value.attributes, actionId)) return this.lostRace(id, again.value, command, base)
      }
    }
    this.deps.audit({ ...base, reason, result: 'ok', detail: describe(decision.from, decision.to, command) })
    return { id, ok: true, code: null, message: describe(decision.from, decision.to, command) }
  }

  private async perform(effect: LifecycleEffect, snapshot: CallbackSnapshot): Promise<ApiResult<unknown>> {
    const id = snapshot.truth.conversationId
    const { gateway } = this.deps
    switch (effect.kind) {
      case 'write-attributes':
        return gateway.call(
          'PATCH /api/v2/conversations/callbacks/{conversationId}/participants/{participantId}/attributes',
          (apis) =>
            apis.conversations.patchConversationsCallbackParticipantAttributes(id, snapshot.attributesParticipantId, {
              attributes: { ...effect.attributes }
            }),
          { idempotent: true }
        )
      case 'set-scheduled-time':
        return gateway.call(
          'PATCH /api/v2/conversations/callbacks',
          (apis) =>
            apis.conversations.patchConversationsCallbacks({
              conversationId: id,
              callbackScheduledTime: effect.dueAt
            } as platformClient.Models.PatchCallbackRequest),
          { idempotent: true }
        )
      case 'append-contact': {
        const listId = this.deps.contactListId()
        if (!listId)
          return {
            ok: false,
            error: { code: 'no-profile', message: 'No contact list is configured for this console; finish setup first.' }
          }
        if (!snapshot.phoneNumber)
          return { ok: false, error: { code: 'no-number', message: 'This callback has no phone number to dial.' } }
        const contact = {
          id: effect.contactId,
          contactListId: listId,
          data: contactRowFor(id, snapshot.phoneNumber, snapshot.name)
        }
        // Idempotent by design: the id is fixed per attempt and doNotQueue keeps a repeat from re-dialling.
        return gateway.call(
          'POST /api/v2/outbound/contactlists/{contactListId}/contacts',
          (apis) => apis.outbound.postOutboundContactlistContacts(listId, [contact], { priority: true, doNotQueue: true }),
          { idempotent: true }
        )
      }
      case 'make-contact-uncallable':
        return this.makeUncallable(effect.contactId)
      case 'disconnect-placeholder': {
        const result = await gateway.call(
          'PATCH /api/v2/conversations/callbacks/{conversationId}',
          (apis) =>
            apis.conversations.patchConversationsCallback(id, { state: 'disconnected' } as platformClient.Models.Conversation),
          { idempotent: true }
        )
        // Our claim already won; a placeholder someone (or a flow) ended meanwhile is the outcome we wanted.
        if (!result.ok && result.error.genesysCode === 'conversation.already.disconnected') return { ok: true, value: null }
        return result
      }
    }
  }

  private async makeUncallable(contactId: string): Promise<ApiResult<unknown>> {
    const listId = this.deps.contactListId()
    if (!listId) return { ok: true, value: null }
    const current = await this.deps.gateway.call(
      'GET /api/v2/outbound/contactlists/{contactListId}/contacts/{contactId}',
      (apis) => apis.outbound.getOutboundContactlistContact(listId, contactId)
    )
    if (!current.ok) return current.error.code === 'not-found' ? { ok: true, value: null } : current
    return this.deps.gateway.call(
      'PUT /api/v2/outbound/contactlists/{contactListId}/contacts/{contactId}',
      (apis) => apis.outbound.putOutboundContactlistContact(listId, contactId, { ...current.value, callable: false }),
      { idempotent: true }
    )
  }

  private lostRace(
    id: string,
    now: CallbackSnapshot,
    command: LifecycleCommand,
    base: Omit<AuditInput, 'result'>
  ): ActionOutcomeView {
    const again = decide(now.truth, command, { nowMs: this.deps.now() })
    if (!again.ok) return this.conflict(id, again.conflict, base)
    const by = now.truth.record.actedBy
    const message = `${by ? `${by} changed` : 'Someone else changed'} this callback at the same moment; look at it again before acting.`
    return this.conflict(id, { code: 'already-finished', state: now.truth.record.state, at: null, message }, base)
  }

  private conflict(id: string, conflict: LifecycleConflict, base: Omit<AuditInput, 'result'>): ActionOutcomeView {
    const message =
      'at' in conflict && conflict.at
        ? `${conflict.message.replace(/\.$/, '')} at ${conflict.at.slice(11, 16)} UTC.`
        : conflict.message
    this.deps.audit({ ...base, result: 'conflict', detail: message })
    return { id, ok: false, code: conflict.code, message }
  }

  private fail(id: string, error: ApiError, base: Omit<AuditInput, 'result'> | null, reason: string | null): ActionOutcomeView {
    if (base) this.deps.audit({ ...base, reason, result: 'failed', detail: error.message })
    return { id, ok: false, code: error.code, message: error.message }
  }
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function describe(from: string, to: string, command: LifecycleCommand): string {
  switch (command.kind) {
    case 'cancel':
      return from === 'dispatched' ? 'Cancelled; the campaign contact was made uncallable.' : 'Cancelled.'
    case 'reschedule':
      return `Rescheduled to ${new Date(command.dueAtMs).toISOString().slice(11, 16)} UTC.`
    case 'call-now':
      return 'Dialling now.'
    default:
      return `${from} → ${to}`
  }
}
