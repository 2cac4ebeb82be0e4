import { describe, expect, it } from 'vitest'
import {
  commandInputSchemas,
  COMMAND_NAMES,
  dispatchCommand,
  EVENT_NAMES,
  isCommandName,
  isEventName,
  type CommandHandlers
} from '../../../src-main/contract'
import { createTestHost } from '../../helpers/host'

describe('contract', () => {
  it('names exactly the commands that have input schemas', () => {
    expect([...COMMAND_NAMES].sort()).toEqual(Object.keys(commandInputSchemas).sort())
  })

  it('gives every command exactly one handler in the host', () => {
    const host = createTestHost()
    expect(Object.keys(host.handlers).sort()).toEqual([...COMMAND_NAMES].sort())
    for (const name of COMMAND_NAMES) expect(typeof host.handlers[name]).toBe('function')
  })

  it('recognises only known channel names', () => {
    expect(isCommandName('app:diagnostics')).toBe(true)
    expect(isCommandName('app:shutdown')).toBe(false)
    expect(isCommandName(42)).toBe(false)
    expect(isEventName(EVENT_NAMES[0])).toBe(true)
    expect(isEventName('app:diagnostics')).toBe(false)
  })
})

describe('dispatchCommand', () => {
  const host = createTestHost()

  it('round-trips a command to its typed result', async () => {
    const result = await dispatchCommand(host.handlers, 'app:diagnostics', undefined)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value).toMatchObject({ appVersion: '9.9.9-test', shell: 'web', dataDir: '/data/test-console' })
  })

  it('survives a JSON round trip unchanged (what the bridge and IPC do)', async () => {
    const result = await dispatchCommand(host.handlers, 'app:diagnostics', undefined)
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  it('refuses unknown commands with a plain error', async () => {
    const result = await dispatchCommand(host.handlers, 'app:format-disk', undefined)
    expect(result).toEqual({ ok: false, error: { code: 'unknown-command', message: expect.any(String) } })
  })

  it('rejects payloads that do not match the schema', async () => {
    const result = await dispatchCommand(host.handlers, 'app:diagnostics', { sneaky: true })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid-input')
  })

  it('turns a thrown bug into an internal error and logs it', async () => {
    const lines: string[] = []
    const broken = {
      ...host.handlers,
      'app:diagnostics': async () => {
        throw new Error('boom')
      }
    } as CommandHandlers
    const result = await dispatchCommand(broken, 'app:diagnostics', undefined, (l) => lines.push(l))
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(lines.join('\n')).toContain('[Dispatch] app:diagnostics failed: boom')
  })
})
