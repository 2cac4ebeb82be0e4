/** Anything that outlives a call (timers, sockets, listeners) is a Disposable, so shutdown can release it all. */
export interface Disposable {
  dispose(): void
}

/** Wraps a cleanup function as a Disposable that runs at most once. */
export function toDisposable(fn: () => void): Disposable {
  let done = false
  return {
    dispose() {
      if (done) return
      done = true
      fn()
    }
  }
}

/** Collects disposables and releases them together, newest first (VS Code's DisposableStore, trimmed). */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = []
  private disposed = false

  add<T extends Disposable>(item: T): T {
    if (this.disposed) {
      item.dispose()
    } else {
      this.items.push(item)
    }
    return item
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    const errors: unknown[] = []
    for (const item of this.items.splice(0).reverse()) {
      try {
        item.dispose()
      } catch (e: unknown) {
        errors.push(e)
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'Some disposables failed')
  }
}

/** A typed event source: `onDidX(listener)` returns a Disposable that unsubscribes. */
export class Emitter<T> implements Disposable {
  private readonly listeners = new Set<(value: T) => void>()

  readonly event = (listener: (value: T) => void): Disposable => {
    this.listeners.add(listener)
    return toDisposable(() => this.listeners.delete(listener))
  }

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value)
  }

  get listenerCount(): number {
    return this.listeners.size
  }

  dispose(): void {
    this.listeners.clear()
  }
}
