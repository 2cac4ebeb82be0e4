/**
 * The blueprint's "modified EWT", step for step as its Architect flows compute it (blueprint.md §5.3–§5.5),
 * so the benchmark's baseline and the demo org's `--flows blueprint` behave like the real thing.
 */

/** Which copy of the in-queue flow: the i3 export falls back to 2 minutes, the Archy YAML to 1 minute. */
export type BlueprintVariant = 'yaml' | 'i3'

/** Inputs the in-queue flow has when the caller is offered the callback. */
export interface BlueprintOfferInput {
  /** `Call.EstimatedWaitTime` in seconds; undefined = NOT_SET (the flow then uses its fallback string). */
  readonly ewtSeconds?: number
  /** `Call.PositionInQueue` (1 = next); undefined = NOT_SET. */
  readonly positionInQueue?: number
  /** "Get callbacks waiting" `count` (holding queue `oWaiting`); undefined = the data action failed or timed out. */
  readonly callbacksWaiting?: number
  readonly variant?: BlueprintVariant
}

/** What the caller hears and what the workflow, campaign and outbound flow then do. */
export interface BlueprintOffer {
  /** `Task.intSeconds` after block #85: announced as the wait and the basis of the delay. */
  readonly adjustedSeconds: number
  /** Participant data `delay` = ToInt(adjusted / 60): whole minutes, truncated. */
  readonly delayMinutes: number
  /** The workflow's Wait (#14) = delay minutes; the contact is appended (dialled at once) after it. */
  readonly dispatchAfterSeconds: number
  /** Transfer to ACD priority in the outbound flow (#21) = delay minutes. */
  readonly transferPriority: number
}

/** Blueprint outcome: either an offer, or the Architect error that sends the call to error handling (no offer). */
export type BlueprintResult =
  | { readonly ok: true; readonly offer: BlueprintOffer }
  | { readonly ok: false; readonly reason: 'position-unavailable' | 'ewt-unparsable' }

/** Architect `ToInt` on a decimal: drops the fraction (truncation toward zero; blueprint.md §5.4, ewt.md §5.2). */
export function architectToInt(value: number): number {
  return Math.trunc(value)
}

/**
 * Block #84: the flow turns `ToString(Call.EstimatedWaitTime)` ("T0H4M30S"-like) into seconds by cutting the text
 * between the T/H/M/S markers. Returns undefined where Architect's `ToInt` of a piece would fail (e.g. "30.5").
 */
export function parseArchitectEwtString(text: string): number | undefined {
  const piece = (unit: 'H' | 'M' | 'S', after: readonly ('T' | 'H' | 'M')[]): number | undefined => {
    const end = text.indexOf(unit)
    if (end < 0) return 0
    const start = after.map((m) => text.indexOf(m)).find((i) => i >= 0 && i < end)
    if (start === undefined) return undefined
    const raw = text.slice(start + 1, end)
    return /^\d+$/.test(raw) ? Number(raw) : undefined
  }
  const h = piece('H', ['T'])
  const m = piece('M', ['H', 'T'])
  const s = piece('S', ['M', 'H', 'T'])
  if (h === undefined || m === undefined || s === undefined) return undefined
  return s + m * 60 + h * 3600
}

/** The fallback `Call.EstimatedWaitTime` string when it is NOT_SET (block #79), in seconds. */
export function blueprintFallbackEwtSeconds(variant: BlueprintVariant = 'yaml'): number {
  return variant === 'i3' ? 120 : 60
}

/**
 * Blocks #79–#91: adjusted = ToInt(EWT / PIQ × (PIQ + C)), delay = ToInt(adjusted / 60).
 * Evaluated in that operand order, in binary floating point; Architect's decimal type may differ by 1 s when
 * EWT / PIQ does not terminate (e.g. 100/3·6 gives 200 here, 199 in 34-digit decimal). If the callbacks
 * data action fails, #85 is skipped and the flow keeps the plain EWT (PIQ is then never read).
 */
export function blueprintOffer(input: BlueprintOfferInput): BlueprintResult {
  const ewt = input.ewtSeconds ?? blueprintFallbackEwtSeconds(input.variant)
  if (!Number.isFinite(ewt) || ewt < 0) return { ok: false, reason: 'ewt-unparsable' }
  let adjusted = architectToInt(ewt)
  if (input.callbacksWaiting !== undefined) {
    const piq = input.positionInQueue
    // PositionInQueue NOT_SET or 0: the division fails and the in-queue flow's error handling transfers the call
    if (piq === undefined || piq <= 0) return { ok: false, reason: 'position-unavailable' }
    adjusted = architectToInt((adjusted / piq) * (piq + input.callbacksWaiting))
  }
  const delayMinutes = architectToInt(adjusted / 60)
  return {
    ok: true,
    offer: { adjustedSeconds: adjusted, delayMinutes, dispatchAfterSeconds: delayMinutes * 60, transferPriority: delayMinutes }
  }
}

/** The same formula without the minute truncation (benchmark ablation P0′ in ewt.md §7.4). */
export function blueprintUntruncatedSeconds(input: BlueprintOfferInput): number | undefined {
  const result = blueprintOffer(input)
  return result.ok ? result.offer.adjustedSeconds : undefined
}
