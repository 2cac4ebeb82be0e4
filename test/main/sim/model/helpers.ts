/** Shared helpers for the contact-center model tests. */
import { ContactCenterModel, type ModelConfig, type ModelEvent, type ModelOptions } from '../../../../src-main/sim/model'

/** Events of one type, narrowed. */
export function ofType<T extends ModelEvent['type']>(events: readonly ModelEvent[], type: T): Extract<ModelEvent, { type: T }>[] {
  return events.filter((e): e is Extract<ModelEvent, { type: T }> => e.type === type)
}

/** Runs a model to the end and returns it with every event it emitted. */
export function runAll(config: ModelConfig, options: ModelOptions = {}): { model: ContactCenterModel; events: ModelEvent[] } {
  const model = new ContactCenterModel(config, options)
  const events: ModelEvent[] = []
  model.onEvent((e) => events.push(e))
  model.run()
  return { model, events }
}

/** Mean time in queue over callers who arrived after `warmup` (served: until answered; abandoned: until they hung up). */
export function queueWaits(
  config: ModelConfig,
  warmup: number
): { meanWait: number; abandonShare: number; pWait: number; n: number } {
  const model = new ContactCenterModel(config)
  let sum = 0
  let n = 0
  let abandoned = 0
  let delayed = 0
  model.onEvent((e) => {
    if (e.type === 'answered' && e.arrivalAt >= warmup) {
      const w = e.t - e.arrivalAt
      sum += w
      n++
      if (w > 0) delayed++
    } else if (e.type === 'abandoned' && e.t - e.waitedSeconds >= warmup) {
      sum += e.waitedSeconds
      n++
      abandoned++
      delayed++
    }
  })
  model.run()
  return { meanWait: sum / n, abandonShare: abandoned / n, pWait: delayed / n, n }
}
