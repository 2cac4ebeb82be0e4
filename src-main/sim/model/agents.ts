/**
 * Agents of a target queue: longest-idle-first routing, alerting → interacting → after-call work, and a staffing
 * plan that adds agents at once and removes them idle-first, letting busy ones finish their call before logging off.
 */
import { queueCfg, queueId, schedule, type SimContext } from './context'
import { type AgentActivity } from './events'
import { Ev, type Caller } from './state'
import { recordCompletion, recordServiceStart } from './stats'
import { headOfLine, leaveQueue } from './target-queue'

function emitAgent(ctx: SimContext, q: number, agentId: number, state: AgentActivity): void {
  if (ctx.listening) ctx.emit({ type: 'agent-state', t: ctx.state.now, queueId: queueId(ctx, q), agentId, state })
}

/** Offers a waiting caller to an idle agent (the caller leaves the line). */
export function assign(ctx: SimContext, q: number, agentId: number, c: Caller): void {
  const s = ctx.state
  const qs = s.queues[q]!
  const cfg = queueCfg(ctx, q)
  leaveQueue(qs, c, s.now, cfg.statsWindowSeconds)
  const waited = s.now - c.enqueuedAt
  recordServiceStart(qs, s.now, waited, cfg.statsWindowSeconds)
  const a = qs.agents[agentId]!
  a.state = 'alerting'
  a.caller = c.id
  qs.busy++
  c.phase = 'alerting'
  c.agent = agentId
  if (ctx.listening) {
    ctx.emit({ type: 'agent-assigned', t: s.now, queueId: cfg.id, callerId: c.id, agentId, waitedSeconds: waited })
    emitAgent(ctx, q, agentId, 'alerting')
  }
  if (cfg.agentAlertSeconds > 0) schedule(ctx, s.now + cfg.agentAlertSeconds, Ev.Answer, q, agentId, 0)
  else answer(ctx, q, agentId)
}

/** The agent connects: the caller has reached an agent. */
export function answer(ctx: SimContext, q: number, agentId: number): void {
  const s = ctx.state
  const a = s.queues[q]!.agents[agentId]!
  const c = s.callers.get(a.caller)
  if (!c) throw new Error(`[SimModel] agent ${agentId} answers a missing caller ${a.caller}`)
  a.state = 'interacting'
  c.phase = 'interacting'
  if (c.id === s.watch) s.watchAnsweredAt = s.now
  if (ctx.listening) {
    emitAgent(ctx, q, agentId, 'interacting')
    ctx.emit({
      type: 'answered',
      t: s.now,
      queueId: queueId(ctx, q),
      callerId: c.id,
      agentId,
      arrivalAt: c.arrivalAt,
      ...(c.viaCallback ? { callbackId: c.id } : {})
    })
  }
  schedule(ctx, s.now + c.handle, Ev.HandleDone, q, agentId, 0)
}

/** The conversation ends; the agent wraps up or takes the next caller. */
export function handleDone(ctx: SimContext, q: number, agentId: number): void {
  const s = ctx.state
  const qs = s.queues[q]!
  const cfg = queueCfg(ctx, q)
  const a = qs.agents[agentId]!
  const c = s.callers.get(a.caller)
  if (!c) throw new Error(`[SimModel] agent ${agentId} completes a missing caller ${a.caller}`)
  recordCompletion(qs, s.now, c.handle, cfg.statsWindowSeconds)
  s.callers.delete(c.id)
  if (ctx.listening) {
    ctx.emit({ type: 'completed', t: s.now, queueId: cfg.id, callerId: c.id, agentId, handleSeconds: c.handle })
  }
  qs.busy--
  a.caller = -1
  if (cfg.afterCallWorkSeconds > 0) {
    a.state = 'acw'
    qs.acw++
    emitAgent(ctx, q, agentId, 'acw')
    schedule(ctx, s.now + cfg.afterCallWorkSeconds, Ev.AcwDone, q, agentId, 0)
  } else {
    agentFree(ctx, q, agentId)
  }
}

/** After-call work is over. */
export function acwDone(ctx: SimContext, q: number, agentId: number): void {
  ctx.state.queues[q]!.acw--
  agentFree(ctx, q, agentId)
}

/** An agent is free: log off if scheduled to, else take the head of line or go idle. */
function agentFree(ctx: SimContext, q: number, agentId: number): void {
  const qs = ctx.state.queues[q]!
  const a = qs.agents[agentId]!
  if (a.leaving) {
    a.leaving = false
    qs.leaving--
    a.state = 'off'
    emitAgent(ctx, q, agentId, 'off')
    return
  }
  const next = headOfLine(qs, ctx.state.callers)
  if (next) {
    assign(ctx, q, agentId, next)
  } else {
    a.state = 'idle'
    qs.idle.push(agentId)
    emitAgent(ctx, q, agentId, 'idle')
  }
}

/** Moves the number of agents on queue to `target` (log-offs: idle agents first, then busy ones after their call). */
export function applyStaffing(ctx: SimContext, q: number, target: number): void {
  const qs = ctx.state.queues[q]!
  qs.scheduledAgents = target
  let on = qs.idle.length + qs.busy + qs.acw - qs.leaving
  while (on > target && qs.idle.length > 0) {
    const id = qs.idle.pop()!
    qs.agents[id]!.state = 'off'
    emitAgent(ctx, q, id, 'off')
    on--
  }
  for (let i = qs.agents.length - 1; i >= 0 && on > target; i--) {
    const a = qs.agents[i]!
    if (a.state !== 'off' && a.state !== 'idle' && !a.leaving) {
      a.leaving = true
      qs.leaving++
      on--
    }
  }
  for (let i = 0; i < qs.agents.length && on < target && qs.leaving > 0; i++) {
    const a = qs.agents[i]!
    if (a.leaving) {
      a.leaving = false
      qs.leaving--
      on++
    }
  }
  for (let i = 0; i < qs.agents.length && on < target; i++) {
    if (qs.agents[i]!.state === 'off') {
      qs.agents[i]!.state = 'idle'
      qs.idle.push(i)
      emitAgent(ctx, q, i, 'idle')
      on++
    }
  }
  while (on < target) {
    qs.agents.push({ state: 'idle', leaving: false, caller: -1 })
    qs.idle.push(qs.agents.length - 1)
    emitAgent(ctx, q, qs.agents.length - 1, 'idle')
    on++
  }
  if (ctx.listening) ctx.emit({ type: 'staffing', t: ctx.state.now, queueId: queueId(ctx, q), scheduledAgents: target })
  for (;;) {
    if (qs.idle.length === 0) break
    const next = headOfLine(qs, ctx.state.callers)
    if (!next) break
    assign(ctx, q, qs.idle.shift()!, next)
  }
}
