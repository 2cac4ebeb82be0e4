/** Expected failures cross the contract as values, never as exceptions (DESIGN §2). */
export interface ContractError {
  /** Stable, machine-readable code, e.g. `invalid-input`, `forbidden`, `already-cancelled`. */
  readonly code: string
  /** One plain sentence a contact-center lead can act on. */
  readonly message: string
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ContractError }

/** Wraps a success so handlers read as `return ok(view)`. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

/** Wraps an expected failure so handlers read as `return err('not-found', 'No such callback.')`. */
export function err<T = never>(code: string, message: string): Result<T> {
  return { ok: false, error: { code, message } }
}
