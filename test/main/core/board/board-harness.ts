/** Shared set-up for board tests: a board on a manual clock with the fixture profile. */
import { manualClock, type ManualClock } from '../../../../src-main/core/clock'
import { LiveBoard, type LiveBoardOptions } from '../../../../src-main/core/board/live-board'
import { utcStartOfDay } from '../../../../src-main/core/board/today-counts'
import { CAMPAIGN, HOLDING, LIST, T0, TARGET } from '../fixtures/callbacks'

export interface Harness {
  readonly clock: ManualClock
  readonly board: LiveBoard
}

export function harness(options: Partial<LiveBoardOptions> = {}, startMs = T0): Harness {
  const clock = manualClock(startMs)
  const board = new LiveBoard({
    clock: clock.now,
    holdingQueueIds: [HOLDING],
    targetQueueId: TARGET,
    campaignId: CAMPAIGN,
    contactListId: LIST,
    startOfDay: utcStartOfDay,
    ...options
  })
  return { clock, board }
}
