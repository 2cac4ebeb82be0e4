/**
 * The contact-list row a dispatch appends: the columns of the solution's contact list (blueprint.md §4 plus ours).
 * Kept in one place so the console's "Call now", the deployed workflow template and the demo org agree.
 */
export function contactRowFor(conversationId: string, phone: string, name: string | null): Record<string, string> {
  return { phone, name: name ?? '', delay: '0', callbackId: conversationId }
}
