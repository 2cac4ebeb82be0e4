/**
 * An emulation of Genesys Cloud's own EWT (the `Call.EstimatedWaitTime` the blueprint starts from), for the demo
 * org's EWT API and the benchmark's blueprint baseline. Genesys does not publish its formula; this is the documented
 * "AHT × PIQ / active agents × (1 − ABN)" form with the documented no-agent fallback (ewt.md §5.1, §7.4 P0).
 */

/** Inputs, taken from history (same half hour last week) as the platform does, except the live counts. */
export interface PlatformEwtInput {
  /** Historical average handle time (`tHandle` mean), seconds. */
  readonly historicalAhtSeconds: number
  /** Historical abandon share (`tAbandon` count / `nOffered`), 0..1. */
  readonly historicalAbandonShare: number
  /** The caller's position in queue, 1 = next. */
  readonly positionInQueue: number
  /** Active (on-queue) agents now. */
  readonly activeAgents: number
  /** Longest current wait in the queue, used when no agent is active; undefined when nobody waits. */
  readonly longestWaitingSeconds?: number
}

/** "SIMPLE"/"ABANDON"-style platform EWT in whole seconds; undefined when the API would omit the value. */
export function emulatedPlatformEwtSeconds(input: PlatformEwtInput): number | undefined {
  if (input.activeAgents <= 0) {
    return input.longestWaitingSeconds === undefined ? undefined : Math.round(input.longestWaitingSeconds)
  }
  const abandon = Math.min(Math.max(input.historicalAbandonShare, 0), 1)
  const raw = ((input.historicalAhtSeconds * input.positionInQueue) / input.activeAgents) * (1 - abandon)
  return Math.round(raw)
}
