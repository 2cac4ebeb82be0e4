/**
 * When each connected callback actually reached an agent. The placeholder ends when the caller answers and is
 * transferred; the agent picks up later on the campaign's own call. That call carries the campaign contact id,
 * which the lifecycle contract derives from the callback (`<callbackId>-a<attempt>`, see `contactIdFor`), so the
 * two conversations join without any lookup.
 */
import { maybeMs } from '../attribute-values'
import type { HistoryConversation } from './analytics-schema'

const CONTACT_ID = /^(.+)-a(\d+)$/

/** The callback (placeholder conversation id) a campaign contact id was made for, or null for foreign contacts. */
export function callbackIdOfContact(contactId: string): string | null {
  return CONTACT_ID.exec(contactId)?.[1] ?? null
}

function contactIdOf(conv: HistoryConversation): string | null {
  for (const p of conv.participants ?? []) {
    for (const s of p.sessions ?? []) if (s.outboundContactId) return s.outboundContactId
  }
  return null
}

function firstAgentAnswer(conv: HistoryConversation): number | null {
  let first: number | null = null
  for (const p of conv.participants ?? []) {
    if (p.purpose !== 'agent') continue
    for (const s of p.sessions ?? []) {
      for (const g of s.segments ?? []) {
        if (g.segmentType !== 'interact') continue
        const at = maybeMs(g.segmentStart ?? undefined)
        if (at !== null && (first === null || at < first)) first = at
      }
    }
  }
  return first
}

/**
 * Callback id → earliest agent answer (epoch ms) over the campaign's calls. Calls without a contact id of
 * ours or without an agent are ignored.
 */
export function agentAnswersByCallback(calls: Iterable<HistoryConversation>): Map<string, number> {
  const answers = new Map<string, number>()
  for (const call of calls) {
    const contactId = contactIdOf(call)
    const callbackId = contactId ? callbackIdOfContact(contactId) : null
    const at = firstAgentAnswer(call)
    if (callbackId === null || at === null) continue
    const known = answers.get(callbackId)
    if (known === undefined || at < known) answers.set(callbackId, at)
  }
  return answers
}
