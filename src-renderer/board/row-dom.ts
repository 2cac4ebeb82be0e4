/** The DOM id of a board row, for `aria-activedescendant` (conversation ids are UUIDs, safe in ids). */
export function rowDomId(id: string): string {
  return `cb-row-${id}`
}

/** Fixed row and header heights of the virtual grid (px); fixed sizes keep scrolling and jumps exact. */
export const ROW_HEIGHT = 44
export const HEADER_HEIGHT = 40
