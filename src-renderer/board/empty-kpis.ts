import type { BoardKpis } from '../../src-main/contract/live-views'

/** KPIs before the first snapshot. The renderer may import only types from main, so this is its own copy of core's EMPTY_KPIS; test/renderer/board-store.test.ts keeps the two equal. */
export const EMPTY_KPIS: BoardKpis = {
  waiting: 0,
  dispatched: 0,
  dueIn5: 0,
  dueIn15: 0,
  overdue: 0,
  oldestRequestedAtMs: null,
  connectedToday: 0,
  declinedToday: 0,
  unreachedToday: 0,
  cancelledToday: 0,
  holdingWaiting: null,
  targetWaiting: null,
  targetEwtSeconds: null,
  targetAgentsOnQueue: null,
  campaignStatus: null,
  campaignErrors: 0,
  campaignLines: null,
  campaignLinesInUse: null,
  campaignProgressPercent: null,
  contactListSize: null,
  campaignCallableTimes: null
}
