/**
 * The callers of the traffic: each arrival's own draws (handle time, patience, callback choice, number and name)
 * come from the contact-center model's per-caller random streams, so a caller is the same person whatever
 * happened before them, and a seed replays the same day.
 */
import { sample } from '../model/distributions'
import { nextUniform, Purpose, seedStream } from '../model/rng'
import type { TrafficConfig } from './traffic-config'

/** One inbound caller, drawn at arrival. */
export interface CallerDraws {
  /** Arrival index (key of the caller's streams). */
  readonly index: number
  readonly handleSeconds: number
  readonly patienceSeconds: number
  /** Uniform draw compared with the uptake share at the offer. */
  readonly choice: number
  /** E.164 number in the fictional 555-01xx range. */
  readonly phone: string
  readonly name: string
}

/** Stream keys of the traffic's own purposes (above the model's, so the model's streams stay untouched). */
export const TrafficPurpose = {
  /** Handle times of callback calls the outbound flow transfers into the target queue. */
  ReturnedHandle: 101,
  StaffCancel: 102,
  Backlog: 103,
  WarmStart: 104
} as const

const AREAS = ['201', '212', '303', '312', '317', '415', '503', '512', '617', '702', '704', '808', '907', '919', '971']
const FIRST = [
  'Ann',
  'Ben',
  'Carla',
  'Dev',
  'Elif',
  'Femi',
  'Gia',
  'Hugo',
  'Ines',
  'Jon',
  'Kira',
  'Leo',
  'Mia',
  'Nils',
  'Omar',
  'Pia'
]
const LAST = ['Example', 'Sample', 'Tester', 'Mock', 'Demo', 'Fictive', 'Placeholder', 'Dummy', 'Stand', 'Proxy']

const scratch = new Int32Array(4)

function pick<T>(list: readonly T[], u: number): T {
  return list[Math.min(list.length - 1, Math.floor(u * list.length))]!
}

/** A fictional caller identity from a stream (number and name). */
export function identityFrom(stream: Int32Array): { phone: string; name: string } {
  const area = pick(AREAS, nextUniform(stream))
  const line = 100 + Math.floor(nextUniform(stream) * 100)
  const name = `${pick(FIRST, nextUniform(stream))} ${pick(LAST, nextUniform(stream))}`
  return { phone: `+1${area}555${String(line).padStart(4, '0')}`, name }
}

/** Draws caller `index` of the target queue (queue 0 of the model's stream layout). */
export function drawCaller(config: TrafficConfig, index: number): CallerDraws {
  const seed = config.seed
  const handleSeconds = sample(config.handle, seedStream(scratch, seed, Purpose.Handle, 0, index))
  const patienceSeconds = sample(config.patience, seedStream(scratch, seed, Purpose.Patience, 0, index))
  const choiceStream = seedStream(scratch, seed, Purpose.Choice, 0, index)
  const choice = nextUniform(choiceStream)
  return { index, handleSeconds, patienceSeconds, choice, ...identityFrom(choiceStream) }
}

/** Handle time of the `n`-th returned callback call an agent takes. */
export function drawReturnedHandle(config: TrafficConfig, n: number): number {
  return sample(config.handle, seedStream(scratch, config.seed, TrafficPurpose.ReturnedHandle, 0, n))
}
