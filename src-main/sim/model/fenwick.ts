/**
 * A growable Fenwick (binary indexed) tree of 0/1 marks over the queue's entry order, so "how many still waiting
 * entered before me" — a caller's place in line, a callback's virtual place — costs O(log n), not a scan.
 */

/** Plain-data tree: `tree[i]` for 1-based i; `size` is the usable capacity. */
export interface Fenwick {
  tree: Int32Array
  size: number
}

/** An empty tree with room for `capacity` indexes (it grows on demand). */
export function createFenwick(capacity = 1024): Fenwick {
  return { tree: new Int32Array(capacity + 1), size: capacity }
}

function grow(f: Fenwick, index: number): void {
  let size = f.size
  while (size < index) size *= 2
  // Rebuild from point values: recover them from the old tree, then re-add in O(n).
  const values = new Int32Array(f.size + 1)
  for (let i = 1; i <= f.size; i++) values[i] = prefix(f, i) - prefix(f, i - 1)
  const tree = new Int32Array(size + 1)
  for (let i = 1; i <= f.size; i++) tree[i] = values[i]!
  for (let i = 1; i <= size; i++) {
    const j = i + (i & -i)
    if (j <= size) tree[j]! += tree[i]!
  }
  f.tree = tree
  f.size = size
}

/** Adds `delta` at 1-based `index`. */
export function fenwickAdd(f: Fenwick, index: number, delta: number): void {
  if (index < 1) throw new RangeError(`[SimModel] fenwick index ${index} < 1`)
  if (index > f.size) grow(f, index)
  const t = f.tree
  for (let i = index; i <= f.size; i += i & -i) t[i]! += delta
}

/** Sum of marks at indexes 1..index (0 for index < 1). */
export function prefix(f: Fenwick, index: number): number {
  let sum = 0
  const t = f.tree
  for (let i = Math.min(index, f.size); i > 0; i -= i & -i) sum += t[i]!
  return sum
}
