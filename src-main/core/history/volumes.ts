/**
 * Callbacks requested per local interval (15, 30 or 60 minutes), split by how they ended: the shape of a day,
 * where the peaks were and what became of the callbacks each peak produced. Empty intervals between the first
 * and the last request are kept so the time axis has no holes.
 */
import type { CallbackHistoryRecord } from './history-record'
import type { IntervalMinutes, VolumeBucket } from './history-views'
import { countOutcomes } from './outcome-counts'
import { formatZoned, zonedBucketStart } from './zoned-time'

/** Records grouped by the start (epoch ms) of the local interval they were requested in. */
export function groupByInterval(
  records: readonly CallbackHistoryRecord[],
  minutes: IntervalMinutes,
  timeZone: string
): Map<number, CallbackHistoryRecord[]> {
  const groups = new Map<number, CallbackHistoryRecord[]>()
  for (const r of records) {
    const start = zonedBucketStart(r.requestedAtMs, minutes, timeZone)
    const list = groups.get(start)
    if (list) list.push(r)
    else groups.set(start, [r])
  }
  return groups
}

/** Volume buckets from the first to the last interval with a request, oldest first; `groups` from `groupByInterval`. */
export function computeVolumes(
  groups: ReadonlyMap<number, readonly CallbackHistoryRecord[]>,
  minutes: IntervalMinutes,
  timeZone: string
): VolumeBucket[] {
  if (groups.size === 0) return []
  const starts = [...groups.keys()].sort((a, b) => a - b)
  const last = starts[starts.length - 1]!
  const step = minutes * 60_000
  const buckets: VolumeBucket[] = []
  for (let start = starts[0]!; start <= last;) {
    const members = groups.get(start) ?? []
    buckets.push({
      startAt: new Date(start).toISOString(),
      label: formatZoned(start, timeZone),
      requested: members.length,
      counts: countOutcomes(members)
    })
    const next = zonedBucketStart(start + step, minutes, timeZone)
    start = next > start ? next : start + step
  }
  return buckets
}
