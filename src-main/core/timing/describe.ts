/**
 * Short human wording for durations and deltas, shared by the projection's one-line explanation so the console,
 * tooltips and logs say the same thing. No locale or time zone: relative phrases only.
 */

/** "45 s", "2 min 6 s", "14 min", "1 h 5 min": seconds count below ten minutes, whole minutes above. */
export function describeDuration(seconds: number): string {
  const s = Math.max(0, Math.round(Math.abs(seconds)))
  if (s < 120) return `${s} s`
  if (s < 600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`
  const minutes = Math.round(s / 60)
  if (minutes < 60) return `${minutes} min`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

/** "2 min later than promised", "40 s earlier than promised", "as promised" (within 10 s). */
export function describeDelta(deltaSeconds: number): string {
  if (Math.abs(deltaSeconds) < 10) return 'as promised'
  return `${describeDuration(deltaSeconds)} ${deltaSeconds > 0 ? 'later' : 'earlier'} than promised`
}

/** "6 ahead (4 on hold, 2 callbacks)", "nobody ahead". */
export function describeAhead(callsAhead: number, callbacksAhead: number): string {
  const total = callsAhead + callbacksAhead
  if (total === 0) return 'nobody ahead'
  const parts = [`${callsAhead} on hold`, `${callbacksAhead} callback${callbacksAhead === 1 ? '' : 's'}`]
  return `${total} ahead (${parts.join(', ')})`
}

/** "~9 answers/min" from a per-second rate. */
export function describeRate(ratePerSecond: number): string {
  const perMinute = ratePerSecond * 60
  return perMinute >= 10 ? `~${Math.round(perMinute)} answers/min` : `~${perMinute.toFixed(1)} answers/min`
}
