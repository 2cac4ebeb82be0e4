/**
 * The lifecycle truth of one placeholder callback read from the org, and the contract's effects applied to
 * the org (attributes, scheduled time, campaign contact, disconnect), using core's pure lifecycle machine.
 */
import { readLifecycle } from '../../../core/lifecycle-record'
import type { CallbackTruth, LifecycleEffect } from '../../../core/lifecycle'
import type { SimOrg } from '../../org/org'
import type { OutboundDomain } from '../outbound/outbound-domain'

/** Reads the truth of `conversationId`, or undefined when the org forgot it. */
export function truthOf(org: SimOrg, conversationId: string): CallbackTruth | undefined {
  const conv = org.conversations.get(conversationId)
  if (!conv || conv.media !== 'callback') return undefined
  const customer = org.conversations.customerOf(conv)
  const ended = conv.phase === 'ended'
  const record = readLifecycle(customer?.attributes ?? {}, {
    ended,
    participantState: customer?.state ?? null,
    endedAtMs: conv.endTime ?? null
  })
  return { conversationId, record, dueAtMs: conv.callback?.callbackScheduledTime ?? null }
}

/** The campaign contact columns for a callback (the blueprint's four columns). */
export function contactDataOf(org: SimOrg, conversationId: string): Record<string, string> {
  const conv = org.conversations.get(conversationId)
  const customer = conv ? org.conversations.customerOf(conv) : undefined
  const promised = Number(customer?.attributes['cc.promisedWaitSeconds'] ?? '0')
  return {
    phone: conv?.callback?.callbackNumbers[0] ?? '',
    name: conv?.callback?.callbackUserName ?? customer?.name ?? '',
    delay: String(Math.max(0, Math.floor((Number.isFinite(promised) ? promised : 0) / 60))),
    callbackId: conversationId
  }
}

/** Performs the effects in order; a placeholder that is already gone is not an error. */
export function applyEffects(
  org: SimOrg,
  outbound: OutboundDomain,
  contactListId: string | undefined,
  conversationId: string,
  effects: readonly LifecycleEffect[]
): void {
  for (const effect of effects) {
    const conv = org.conversations.get(conversationId)
    switch (effect.kind) {
      case 'write-attributes': {
        const customer = conv ? org.conversations.customerOf(conv) : undefined
        if (conv && customer) org.conversations.setParticipantAttributes(conversationId, customer.id, { ...effect.attributes })
        break
      }
      case 'set-scheduled-time':
        if (conv && conv.phase !== 'ended')
          org.conversations.patchCallback(conversationId, { callbackScheduledTime: Date.parse(effect.dueAt) })
        break
      case 'append-contact':
        if (contactListId) {
          outbound.contactLists.addContacts(contactListId, [{ id: effect.contactId, data: contactDataOf(org, conversationId) }], {
            priority: effect.priority,
            doNotQueue: effect.doNotQueue,
            clearSystemData: false
          })
        }
        break
      case 'make-contact-uncallable': {
        const contact = contactListId ? outbound.contactLists.contact(contactListId, effect.contactId) : undefined
        if (contact && contactListId)
          outbound.contactLists.updateContact(contactListId, contact.id, { data: contact.data, callable: false })
        break
      }
      case 'disconnect-placeholder':
        if (conv && conv.phase !== 'ended') org.conversations.disconnect(conversationId, 'client')
        break
    }
  }
}
