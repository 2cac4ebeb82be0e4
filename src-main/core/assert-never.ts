/**
 * Exhaustiveness guard for discriminated unions: a `switch` that forgets a case stops compiling, and a value
 * that slips past the types at runtime (a bug, never an expected failure) throws with the offending value.
 */
export function assertNever(value: never, message = 'Unexpected value'): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`)
}
