/**
 * One interface over every wait predictor, so the simulator's benchmark, the deployed policy's promise and the
 * console's projection can swap them by id. A prediction is the seconds until this caller would reach an agent had
 * they stayed on hold from now (the "potential wait", unlimited own patience); undefined = no basis to predict.
 */
import { blueprintOffer } from './blueprint'
import { BACKBONE_ONLY, blendedSeconds, type BlendCoefficients } from './blended'
import { avgLesSeconds, holSeconds, lesSeconds, refinedHolSeconds } from './delay-history'
import { qlmSeconds, qlSeconds } from './ql'
import { scheduleAwareQlmSeconds } from './schedule-qlm'
import { modelServiceRate } from './service-rate'
import { aheadCount, type QueueObservation, type VirtualPosition } from './types'

/** Every predictor we compare (ewt.md §7.4 P0–P4, P6). */
export type PredictorId =
  'blueprint' | 'platform-ewt' | 'ql' | 'qlm' | 'hol' | 'refined-hol' | 'les' | 'avg-les' | 'schedule-qlm' | 'blended'

/** What a predictor reads. DH predictors ignore the position: they predict for a caller joining the back now. */
export interface PredictionInput {
  readonly position: VirtualPosition
  readonly observation: QueueObservation
  /** Trained blend coefficients (default: backbone only). */
  readonly blend?: BlendCoefficients
}

/** A named wait predictor. */
export interface WaitPredictor {
  readonly id: PredictorId
  readonly label: string
  predict(input: PredictionInput): number | undefined
}

/** True when an idle agent would take this caller at once (more idle agents than callers ahead). */
export function servedImmediately(input: PredictionInput): boolean {
  return (input.observation.idleAgents ?? 0) > aheadCount(input.position)
}

function modelRate(o: QueueObservation): number | undefined {
  return o.agentsOnQueue > 0 ? modelServiceRate(o.agentsOnQueue, o.ahtSeconds) : undefined
}

function stateBased(fn: (input: PredictionInput, rate: number) => number): WaitPredictor['predict'] {
  return (input) => {
    if (servedImmediately(input)) return 0
    const rate = modelRate(input.observation)
    return rate === undefined ? undefined : fn(input, rate)
  }
}

const PREDICTORS: readonly WaitPredictor[] = [
  {
    id: 'blueprint',
    label: 'Blueprint EWT × (PIQ + C) / PIQ',
    predict: ({ position, observation }) => {
      const r = blueprintOffer({
        ewtSeconds: observation.platformEwtSeconds,
        positionInQueue: position.callsAhead + 1,
        callbacksWaiting: position.callbacksAhead
      })
      return r.ok ? r.offer.adjustedSeconds : undefined
    }
  },
  { id: 'platform-ewt', label: 'Platform EWT', predict: ({ observation }) => observation.platformEwtSeconds },
  { id: 'ql', label: 'QL (n+1)/sμ', predict: stateBased((i, r) => qlSeconds(aheadCount(i.position), r)) },
  {
    id: 'qlm',
    label: 'QL-m (abandonment-aware)',
    predict: stateBased((i, r) => qlmSeconds(aheadCount(i.position), r, i.observation.abandonRatePerSecond ?? 0))
  },
  {
    id: 'hol',
    label: 'Head of line',
    predict: ({ observation }) => (observation.holSeconds === undefined ? undefined : holSeconds(observation.holSeconds))
  },
  {
    id: 'refined-hol',
    label: 'Refined HOL (λw+2)/sμ',
    predict: ({ observation: o }) => {
      const rate = modelRate(o)
      if (o.holSeconds === undefined || o.arrivalRatePerSecond === undefined || rate === undefined) return undefined
      return refinedHolSeconds(o.holSeconds, o.arrivalRatePerSecond, rate)
    }
  },
  { id: 'les', label: 'Last to enter service', predict: ({ observation }) => lesSeconds(observation.recentLesSeconds ?? []) },
  {
    id: 'avg-les',
    label: 'Average of last 10 LES',
    predict: ({ observation }) => avgLesSeconds(observation.recentLesSeconds ?? [])
  },
  {
    id: 'schedule-qlm',
    label: 'Throughput/schedule-aware QL-m',
    predict: (input) => (servedImmediately(input) ? 0 : scheduleAwareQlmSeconds(aheadCount(input.position), input.observation))
  },
  {
    id: 'blended',
    label: 'Blended (QL-m backbone + DH correction)',
    predict: (input) => {
      const backbone = predictWait('schedule-qlm', input)
      if (backbone === undefined) return undefined
      if (backbone === 0) return 0
      const features = {
        backbone,
        ql: predictWait('ql', input),
        refinedHol: predictWait('refined-hol', input),
        avgLes: predictWait('avg-les', input)
      }
      return blendedSeconds(features, input.blend ?? BACKBONE_ONLY)
    }
  }
]

/** All predictors, in benchmark order. */
export function listPredictors(): readonly WaitPredictor[] {
  return PREDICTORS
}

/** Looks a predictor up by id (every id exists, so this never fails). */
export function predictor(id: PredictorId): WaitPredictor {
  const found = PREDICTORS.find((p) => p.id === id)
  if (found === undefined) throw new Error(`unknown predictor ${id}`)
  return found
}

/** Predicts with the named predictor. */
export function predictWait(id: PredictorId, input: PredictionInput): number | undefined {
  return predictor(id).predict(input)
}
