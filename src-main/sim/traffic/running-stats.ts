/**
 * What the target queue's recent history looks like to a flow (the aggregates and details a deployed flow reads
 * through data actions): arrivals, answers and abandons in a sliding window, the waits of the last answers, an
 * exponentially weighted AHT and abandon share. Feeds the timing policy's view and the org's EWT emulation.
 */

const LES_KEPT = 10
/** Weight of the newest handle time / outcome in the running averages. */
const ALPHA = 0.05

/** Sliding-window counters over the target queue (times in profile seconds). */
export class RunningStats {
  private readonly arrivals: number[] = []
  private readonly answers: number[] = []
  /** Departures from the queue in the window: [time, waited seconds, abandoned 0/1]. */
  private readonly departures: Array<[number, number, number]> = []
  private readonly les: number[] = []
  private aht: number
  private abandonShare = 0.05

  constructor(
    private readonly windowSeconds: number,
    initialAhtSeconds: number
  ) {
    this.aht = initialAhtSeconds
  }

  arrival(now: number): void {
    this.arrivals.push(now)
    this.trim(now)
  }

  /** A caller reached an agent after waiting `waited` seconds. */
  answered(now: number, waited: number): void {
    this.answers.push(now)
    this.departures.push([now, waited, 0])
    this.trim(now)
    this.les.unshift(waited)
    if (this.les.length > LES_KEPT) this.les.pop()
    this.abandonShare = (1 - ALPHA) * this.abandonShare
  }

  abandoned(now: number, waited: number): void {
    this.departures.push([now, waited, 1])
    this.trim(now)
    this.abandonShare = (1 - ALPHA) * this.abandonShare + ALPHA
  }

  /** Left the queue for the callback flow (neither answered nor abandoned). */
  flowedOut(now: number, waited: number): void {
    this.departures.push([now, waited, 0])
    this.trim(now)
  }

  completed(handleSeconds: number): void {
    this.aht = (1 - ALPHA) * this.aht + ALPHA * handleSeconds
  }

  get ahtSeconds(): number {
    return this.aht
  }

  /** Share of queue departures that were abandons (EWT's ABN). */
  get abandonRate(): number {
    return this.abandonShare
  }

  /** The window actually covered (shorter at the start of a run). */
  window(now: number, startedAt: number): number {
    return Math.max(0, Math.min(this.windowSeconds, now - startedAt))
  }

  answeredInWindow(now: number): number {
    this.trim(now)
    return this.answers.length
  }

  arrivalRatePerSecond(now: number): number {
    this.trim(now)
    return this.arrivals.length / this.windowSeconds
  }

  /** θ: abandons per second waited, over departures in the window. */
  abandonRatePerSecond(now: number): number {
    this.trim(now)
    let waited = 0
    let abandons = 0
    for (const [, w, a] of this.departures) {
      waited += w
      abandons += a
    }
    return waited > 0 ? abandons / waited : 0
  }

  /** Waits of the most recent answers, newest first. */
  recentLes(): readonly number[] {
    return this.les
  }

  private trim(now: number): void {
    const from = now - this.windowSeconds
    while (this.arrivals.length > 0 && this.arrivals[0]! < from) this.arrivals.shift()
    while (this.answers.length > 0 && this.answers[0]! < from) this.answers.shift()
    while (this.departures.length > 0 && this.departures[0]![0] < from) this.departures.shift()
  }
}
