import type { ConsoleApi } from '../../src-main/contract/api'
import type { CommandName, EventName } from '../../src-main/contract/names'
import type { Result } from '../../src-main/contract/result'

type Responder = (input: unknown) => Result<unknown> | Promise<Result<unknown>>

/** A hand-written ConsoleApi for renderer tests: scripted replies per command, and events the test can push. */
export class FakeApi implements ConsoleApi {
  readonly calls: { command: CommandName; input: unknown }[] = []
  private readonly responders = new Map<CommandName, Responder>()
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>()

  reply(command: CommandName, responder: Responder): this {
    this.responders.set(command, responder)
    return this
  }

  invoke: ConsoleApi['invoke'] = async (command, input) => {
    this.calls.push({ command, input })
    const responder = this.responders.get(command)
    if (!responder) return { ok: false, error: { code: 'unknown-command', message: `no reply scripted for ${command}` } }
    return (await responder(input)) as never
  }

  on: ConsoleApi['on'] = (event, listener) => {
    const set = this.listeners.get(event) ?? new Set()
    this.listeners.set(event, set)
    set.add(listener as (payload: unknown) => void)
    return () => void set.delete(listener as (payload: unknown) => void)
  }

  push(event: EventName, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload)
  }
}
