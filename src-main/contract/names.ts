/**
 * The names of every command and pushed event, with no runtime dependencies, so the sandboxed preload can
 * allow-list channels without bundling the schemas. `contract.test.ts` proves these match the schema maps.
 */
export const COMMAND_NAMES = [
  'app:diagnostics',
  'app:support-summary',
  'session:get',
  'session:regions',
  'session:connect-demo',
  'session:sign-in',
  'session:sign-out',
  'session:cancel-sign-in',
  'profile:candidates',
  'profile:get',
  'profile:save',
  'board:snapshot',
  'callbacks:cancel',
  'callbacks:reschedule',
  'callbacks:call-now',
  'callbacks:reveal-number',
  'callbacks:timeline',
  'audit:list',
  'setup:choices',
  'setup:validate',
  'setup:preflight',
  'setup:plan',
  'setup:apply',
  'setup:verify',
  'setup:teardown-plan',
  'setup:teardown',
  'history:run',
  'history:cancel',
  'history:export',
  'settings:get',
  'settings:save'
] as const

export const EVENT_NAMES = [
  'app:notice',
  'session:changed',
  'board:changed',
  'board:connection',
  'alerts:raised',
  'setup:progress',
  'history:progress',
  'settings:changed',
  'app:navigate'
] as const

export type CommandName = (typeof COMMAND_NAMES)[number]
export type EventName = (typeof EVENT_NAMES)[number]

const commandSet: ReadonlySet<string> = new Set(COMMAND_NAMES)
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES)

/** Narrows an untrusted string (from IPC or the bridge) to a known command name. */
export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && commandSet.has(name)
}

/** Narrows an untrusted string to a known pushed-event name. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventSet.has(name)
}
