/**
 * The target queue's agents, driven by the staffing plan the way the model's agents are: log-ons at once,
 * log-offs idle-first (busy agents finish their call and wrap-up before leaving), longest-idle-first routing.
 * Every change is an org routing status (`setUserStatus`), so observations, presence topics and EWT follow.
 */
import type { RoutingStore } from '../org/routing-store'

/** What one agent is doing. */
export type AgentActivity = 'off' | 'idle' | 'busy' | 'acw'

/** One agent of the pool. */
export interface PoolAgent {
  readonly userId: string
  activity: AgentActivity
  /** Logs off once the current call and wrap-up end. */
  leaving: boolean
  conversationId?: string
}

/** The agents of one queue and their staffing. */
export class AgentPool {
  readonly agents: readonly PoolAgent[]
  /** Idle agents, longest idle first. */
  private readonly idle: PoolAgent[] = []

  constructor(
    private readonly routing: RoutingStore,
    userIds: readonly string[]
  ) {
    this.agents = userIds.map((userId) => ({ userId, activity: 'off', leaving: false }))
  }

  get idleCount(): number {
    return this.idle.length
  }

  /** Agents on queue (idle, busy or wrapping up, including those about to leave). */
  get onQueue(): number {
    return this.agents.filter((a) => a.activity !== 'off').length
  }

  get busyCount(): number {
    return this.agents.filter((a) => a.activity === 'busy').length
  }

  get leavingCount(): number {
    return this.agents.filter((a) => a.leaving).length
  }

  /** Takes the longest-idle agent for a conversation. */
  takeIdle(conversationId: string): PoolAgent | undefined {
    const agent = this.idle.shift()
    if (!agent) return undefined
    agent.activity = 'busy'
    agent.conversationId = conversationId
    this.routing.setUserStatus(agent.userId, 'INTERACTING', 'On Queue')
    return agent
  }

  /** The call ended; the agent wraps up (still INTERACTING, as Genesys reports after-call work). */
  toWrapUp(agent: PoolAgent): void {
    agent.activity = 'acw'
    delete agent.conversationId
  }

  /** Wrap-up done: log off if scheduled to, else back to idle. Returns true when the agent is idle now. */
  release(agent: PoolAgent): boolean {
    delete agent.conversationId
    if (agent.leaving) {
      agent.leaving = false
      this.setOff(agent)
      return false
    }
    this.setIdle(agent)
    return true
  }

  /** First staffing: `target` agents on queue, everyone else off queue (whatever the seed left them in). */
  start(target: number): void {
    this.applyStaffing(target)
    for (const a of this.agents) if (a.activity === 'off') this.routing.setUserStatus(a.userId, 'OFF_QUEUE', 'Available')
  }

  /** Moves the number of agents on queue to `target` (idle agents leave first; busy ones after their call). */
  applyStaffing(target: number): void {
    let on = this.agents.filter((a) => a.activity !== 'off' && !a.leaving).length
    while (on > target && this.idle.length > 0) {
      this.setOff(this.idle.pop()!)
      on--
    }
    for (let i = this.agents.length - 1; i >= 0 && on > target; i--) {
      const a = this.agents[i]!
      if (a.activity !== 'off' && a.activity !== 'idle' && !a.leaving) {
        a.leaving = true
        on--
      }
    }
    for (let i = 0; i < this.agents.length && on < target; i++) {
      const a = this.agents[i]!
      if (a.leaving) {
        a.leaving = false
        on++
      }
    }
    for (let i = 0; i < this.agents.length && on < target; i++) {
      const a = this.agents[i]!
      if (a.activity === 'off') {
        this.setIdle(a)
        on++
      }
    }
  }

  private setIdle(agent: PoolAgent): void {
    agent.activity = 'idle'
    this.idle.push(agent)
    this.routing.setUserStatus(agent.userId, 'IDLE', 'On Queue')
  }

  private setOff(agent: PoolAgent): void {
    agent.activity = 'off'
    const i = this.idle.indexOf(agent)
    if (i >= 0) this.idle.splice(i, 1)
    this.routing.setUserStatus(agent.userId, 'OFF_QUEUE', 'Available')
  }
}
