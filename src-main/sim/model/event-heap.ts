/**
 * The model's future-event list: a binary min-heap ordered by (time, insertion sequence). The sequence makes
 * ties deterministic; the heap is a plain array of plain objects so a fork can deep-copy it. The org's virtual
 * clock (timers) and waiting index (`t` = routing score) use the same heap.
 */

/** Anything with a time and a tie-breaking sequence number. */
export interface Timed {
  readonly t: number
  readonly seq: number
}

function less(a: Timed, b: Timed): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq)
}

/** Inserts `item` into heap `h`. */
export function heapPush<T extends Timed>(h: T[], item: T): void {
  h.push(item)
  let i = h.length - 1
  while (i > 0) {
    const p = (i - 1) >> 1
    const parent = h[p]!
    if (!less(item, parent)) break
    h[i] = parent
    i = p
  }
  h[i] = item
}

/** Removes and returns the earliest item of heap `h` (undefined when empty). */
export function heapPop<T extends Timed>(h: T[]): T | undefined {
  const n = h.length
  if (n === 0) return undefined
  const top = h[0]!
  const last = h.pop()!
  if (n > 1) siftDown(h, last)
  return top
}

function siftDown<T extends Timed>(h: T[], item: T): void {
  const n = h.length
  let i = 0
  for (;;) {
    const l = 2 * i + 1
    if (l >= n) break
    const r = l + 1
    const c = r < n && less(h[r]!, h[l]!) ? r : l
    if (!less(h[c]!, item)) break
    h[i] = h[c]!
    i = c
  }
  h[i] = item
}
