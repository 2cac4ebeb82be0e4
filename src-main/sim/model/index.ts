/** Public surface of the contact-center model (see README.md in this folder). */
export {
  ContactCenterModel,
  runDay,
  type AgentSnapshot,
  type CallbackSnapshot,
  type ModelOptions,
  type QueueTotals
} from './model'
export {
  DEFAULT_CALLBACKS,
  DIAL_OUTCOMES,
  modelConfig,
  queueConfig,
  type CallbackConfig,
  type DialOutcome,
  type FlowsMode,
  type ModelConfig,
  type ModelInput,
  type PlatformEwtConfig,
  type QueueConfig,
  type QueueInput,
  type RateStep,
  type RetryConfig,
  type StaffStep
} from './config'
export { demoDayConfig, steadyQueue, type DemoDayOptions, type SteadyQueueInput } from './demo-day'
export { type Dist, meanOf } from './distributions'
export type { AgentActivity, CallbackActor, CallbackEnd, ModelEvent, ModelEventType, ModelListener } from './events'
export type { CallbackPlan, CallbackView, OfferView, QueueView, ReviewDecision, TimingPolicy } from './policy'
export { blueprintPolicy, qlPolicy, type QlPolicyOptions } from './builtin-policies'
export { type CommandResult } from './commands'
export { DEFAULT_TWIN_HORIZON_SECONDS, everyNth, type TwinOptions, type TwinRequest, type TwinResult } from './twins'
export { RealTimeDriver, wallClock, type DriverClock, type WallClockOptions } from './realtime-driver'
export { erlangASteadyState, erlangCSteadyState, type ErlangResult } from './erlang'
