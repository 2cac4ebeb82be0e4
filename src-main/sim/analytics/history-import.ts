/**
 * Puts past, already-ended conversations (a seeded history day) into the org's conversation store, with their
 * own timestamps, participants, segments and `cc.*` attributes, so every reader finds them as if they had
 * happened here: the details query, `GET /api/v2/conversations/{id}` and the callbacks routes. Nothing is
 * published (they are history) and no queue index is touched (ended conversations are in none). They join the
 * store's ended-conversation retention as its oldest entries, so live traffic ages them out first.
 */
import { ConversationBase } from '../org/conversation-base'
import type { SimConversation } from '../org/conversation-types'
import type { SimOrg } from '../org/org'

/** What an import did. */
export interface ImportResult {
  readonly imported: number
  /** Ids already present in the store (left untouched). */
  readonly skipped: number
}

/**
 * Typed access to the store's id map and ended set for the import only (the store offers no public "insert"):
 * a subclass may read its base's protected members, so a renamed member fails the type check, not at runtime.
 */
abstract class EndedImport extends ConversationBase {
  static insert(store: ConversationBase, conv: SimConversation): boolean {
    const s = store as EndedImport
    if (s.byId.has(conv.id)) return false
    s.byId.set(conv.id, conv)
    s.ended.add(conv.id)
    return true
  }
}

/** Inserts ended conversations, oldest end first; throws on a conversation that has not ended (a caller bug). */
export function importEndedConversations(org: SimOrg, conversations: readonly SimConversation[]): ImportResult {
  for (const conv of conversations) {
    if (conv.phase !== 'ended' || conv.endTime === undefined) {
      throw new Error(`[DemoOrg] only ended conversations can be imported (${conv.id} is ${conv.phase})`)
    }
  }
  let imported = 0
  let skipped = 0
  const byEnd = [...conversations].sort((a, b) => a.endTime! - b.endTime! || (a.id < b.id ? -1 : 1))
  for (const conv of byEnd) {
    if (EndedImport.insert(org.conversations, conv)) imported++
    else skipped++
  }
  return { imported, skipped }
}
