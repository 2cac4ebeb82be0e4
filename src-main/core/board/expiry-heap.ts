/**
 * A binary min-heap of (id, time) pairs: which finished rows and tombstones expire next, in O(log n) per push
 * and pop, so the board never scans all rows to find them. Entries are not removed when a row changes; the
 * owner checks on pop that the popped time is still the row's current expiry (lazy deletion).
 */

/** One scheduled expiry. */
export interface Expiry {
  readonly id: string
  readonly atMs: number
}

/** Min-heap ordered by `atMs`. */
export class ExpiryHeap {
  private readonly items: Expiry[] = []

  /** Scheduled expiries, including stale ones not yet popped. */
  get size(): number {
    return this.items.length
  }

  /** Schedules an expiry. */
  push(item: Expiry): void {
    const items = this.items
    items.push(item)
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (items[parent]!.atMs <= item.atMs) break
      items[i] = items[parent]!
      i = parent
    }
    items[i] = item
  }

  /** The earliest expiry, without removing it. */
  peek(): Expiry | undefined {
    return this.items[0]
  }

  /** Removes and returns the earliest expiry. */
  pop(): Expiry | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (top === undefined || last === undefined || items.length === 0) return top
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      if (left >= items.length) break
      const right = left + 1
      const child = right < items.length && items[right]!.atMs < items[left]!.atMs ? right : left
      if (items[child]!.atMs >= last.atMs) break
      items[i] = items[child]!
      i = child
    }
    items[i] = last
    return top
  }
}
