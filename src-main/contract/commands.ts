import { z } from 'zod'
import type { CommandName } from './names'
import type { DiagnosticsView } from './views'

/**
 * Runtime schemas for every command's input: everything that crosses from the renderer is validated here
 * before a handler sees it. Commands without input take `undefined`.
 */
export const commandInputSchemas = {
  'app:diagnostics': z.undefined(),
  'app:support-summary': z.undefined()
} as const satisfies { readonly [K in CommandName]: z.ZodType }

/** What each command resolves to on success. */
export interface CommandOutputs {
  'app:diagnostics': DiagnosticsView
  'app:support-summary': string
}

export type CommandInput<K extends CommandName> = z.input<(typeof commandInputSchemas)[K]>
export type CommandParsedInput<K extends CommandName> = z.output<(typeof commandInputSchemas)[K]>
export type CommandOutput<K extends CommandName> = CommandOutputs[K]
