import { commandInputSchemas, type CommandOutput, type CommandParsedInput } from './commands'
import { isCommandName, type CommandName } from './names'
import { err, type Result } from './result'

/** One handler per command: the host implements this map, and TypeScript proves none is missing. */
export type CommandHandlers = {
  readonly [K in CommandName]: (input: CommandParsedInput<K>) => Promise<Result<CommandOutput<K>>>
}

/**
 * The single entry point for untrusted calls from either shell: checks the name, validates the payload,
 * runs the handler, and turns a thrown bug into a plain `internal` error instead of crashing the bridge.
 */
export async function dispatchCommand(
  handlers: CommandHandlers,
  command: unknown,
  rawInput: unknown,
  log: (line: string) => void = console.error
): Promise<Result<unknown>> {
  if (!isCommandName(command)) return err('unknown-command', 'That action is not available in this version.')
  const parsed = commandInputSchemas[command].safeParse(rawInput)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''
    return err('invalid-input', `The request was not valid${where}: ${issue?.message ?? 'unknown problem'}.`)
  }
  const handler = handlers[command] as (input: unknown) => Promise<Result<unknown>>
  try {
    return await handler(parsed.data)
  } catch (e: unknown) {
    log(`[Dispatch] ${command} failed: ${e instanceof Error ? e.message : String(e)}`)
    return err('internal', 'Something went wrong inside the console. The details are in the log.')
  }
}
