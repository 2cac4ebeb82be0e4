/**
 * What the model tells the outside world, in order, as it happens: the demo org server mirrors these into its
 * org state (conversations, placeholder callbacks, campaign dials, agent statuses) and the benchmark reads its
 * ground truth from them. All times are model seconds since t = 0 (`ModelConfig.originMs` gives the epoch).
 *
 * Ids: `callerId` is unique within a model run and increases in arrival order; a callback's `callbackId` equals
 * the `callerId` of the caller who requested it (one callback per caller); `agentId` is an index within its queue.
 */
import { type DialOutcome } from './config'

/** Agent activity: `alerting` = offered the call, `interacting` = connected, `acw` = wrap-up, `off` = logged off. */
export type AgentActivity = 'idle' | 'alerting' | 'interacting' | 'acw' | 'off'

/** Terminal callback states of the lifecycle contract (DESIGN.md), `connected` = transferred to the target queue. */
export type CallbackEnd = 'connected' | 'declined' | 'unreached' | 'cancelled'

/**
 * Who moved a callback: the timing policy, its scheduled time being reached, the retry rule, the flows reacting to
 * a dial outcome or the caller's answer, or staff through the console.
 */
export type CallbackActor = 'policy' | 'schedule' | 'retry' | 'flow' | 'staff'

interface Base {
  readonly t: number
  readonly queueId: string
}

/** Every observable step of the model. */
export type ModelEvent =
  /** A call reached the target queue's flow (it is queued in the same instant). */
  | (Base & { readonly type: 'arrival'; readonly callerId: number })
  /** A call entered the target queue: a new arrival, or a callback transferred back (`callbackId` set). */
  | (Base & { readonly type: 'queued'; readonly callerId: number; readonly priority: number; readonly callbackId?: number })
  /** The caller hung up while waiting in the target queue. */
  | (Base & { readonly type: 'abandoned'; readonly callerId: number; readonly waitedSeconds: number })
  /** An agent was offered the call (alerting); `waitedSeconds` = time in the target queue this stay. */
  | (Base & {
      readonly type: 'agent-assigned'
      readonly callerId: number
      readonly agentId: number
      readonly waitedSeconds: number
    })
  /** The agent connected: the moment the caller "reached an agent". `arrivalAt` = first arrival of the caller. */
  | (Base & {
      readonly type: 'answered'
      readonly callerId: number
      readonly agentId: number
      readonly arrivalAt: number
      readonly callbackId?: number
    })
  /** The conversation ended (the agent may go on to after-call work). */
  | (Base & { readonly type: 'completed'; readonly callerId: number; readonly agentId: number; readonly handleSeconds: number })
  | (Base & { readonly type: 'agent-state'; readonly agentId: number; readonly state: AgentActivity })
  /** The staffing plan changed the number of agents scheduled on queue. */
  | (Base & { readonly type: 'staffing'; readonly scheduledAgents: number })
  /** The caller heard `announcedWaitSeconds` (above the threshold) and was offered a callback. */
  | (Base & {
      readonly type: 'callback-offered'
      readonly callerId: number
      readonly announcedWaitSeconds: number
      readonly accepted: boolean
    })
  /** Accepted: the call left the target queue (flow-out) and a placeholder was created in the holding queue. */
  | (Base & {
      readonly type: 'callback-requested'
      readonly callbackId: number
      readonly callerId: number
      readonly arrivalAt: number
      readonly promisedWaitSeconds: number
      readonly scheduledAt: number
      readonly priority: number
    })
  /** `callbackScheduledTime` changed (policy projection, retry quarantine, or staff). */
  | (Base & {
      readonly type: 'callback-rescheduled'
      readonly callbackId: number
      readonly scheduledAt: number
      readonly by: CallbackActor
    })
  /** Contact appended to the campaign (state `dispatched`); `attempt` counts from 1. */
  | (Base & {
      readonly type: 'callback-dispatched'
      readonly callbackId: number
      readonly attempt: number
      readonly by: CallbackActor
    })
  /** The campaign started dialling the contact. */
  | (Base & { readonly type: 'callback-dialling'; readonly callbackId: number; readonly attempt: number })
  /** Call analysis result of one attempt; `ringSeconds` = dialling → result. */
  | (Base & {
      readonly type: 'callback-dial-outcome'
      readonly callbackId: number
      readonly attempt: number
      readonly outcome: DialOutcome
      readonly ringSeconds: number
    })
  /**
   * Terminal state. `placeholderDisconnected` is false only in blueprint mode when the flows leave the placeholder
   * in the holding queue (any outcome but a live answer that reached the menu) — the blueprint's defect.
   * For `connected`, a `queued` event with the same callbackId follows in the same instant.
   */
  | (Base & {
      readonly type: 'callback-ended'
      readonly callbackId: number
      readonly state: CallbackEnd
      readonly attempts: number
      readonly placeholderDisconnected: boolean
      readonly by: CallbackActor
      readonly reason?: string
    })

/** The `type` tag of every model event. */
export type ModelEventType = ModelEvent['type']

/** Receives every model event synchronously; it must not call the model's commands from inside (queue them). */
export type ModelListener = (event: ModelEvent) => void
