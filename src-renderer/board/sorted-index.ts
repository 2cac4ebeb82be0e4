/**
 * An always-sorted array of rows, kept up to date one change at a time with binary search, so applying a
 * diff of k rows to a board of n costs O(k log n) comparisons (plus a memmove) instead of a full re-sort.
 * The comparator must be total (break ties on the id) so every row has exactly one place.
 */
export class SortedIndex<T extends { readonly id: string }> {
  private items: T[] = []

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length
  }

  /** The rows in order; do not mutate (it is the index's own array). */
  get all(): readonly T[] {
    return this.items
  }

  /** Replaces everything (a snapshot): one sort. */
  reset(rows: Iterable<T>): void {
    this.items = [...rows].sort(this.compare)
  }

  /**
   * Puts `next` in place of `previous` (either may be absent: insert / remove). Returns true when the order
   * changed, false when the row kept its position (a content-only update).
   */
  update(previous: T | undefined, next: T | undefined): boolean {
    if (previous && next && this.compare(previous, next) === 0) {
      const at = this.find(previous)
      if (at >= 0) {
        this.items[at] = next
        return false
      }
    }
    let moved = false
    if (previous) {
      const at = this.find(previous)
      if (at >= 0) {
        this.items.splice(at, 1)
        moved = true
      }
    }
    if (next) {
      this.items.splice(this.lowerBound(next), 0, next)
      moved = true
    }
    return moved
  }

  /** The first `n` rows that pass `keep`, without copying the whole index. */
  take(n: number, keep: (row: T) => boolean): T[] {
    const out: T[] = []
    for (const row of this.items) {
      if (out.length >= n) break
      if (keep(row)) out.push(row)
    }
    return out
  }

  private lowerBound(row: T): number {
    let lo = 0
    let hi = this.items.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.compare(this.items[mid]!, row) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private find(row: T): number {
    const at = this.lowerBound(row)
    const found = this.items[at]
    if (found && found.id === row.id) return at
    // The stored copy may differ from `row` in sort keys only if a caller broke the contract; fall back.
    return this.items.findIndex((r) => r.id === row.id)
  }
}
