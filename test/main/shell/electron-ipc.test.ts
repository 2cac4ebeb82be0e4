import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { describe, expect, it } from 'vitest'
import { COMMAND_NAMES } from '../../../src-main/contract'
import { isTrustedSender, registerIpc } from '../../../src-main/shell/electron-ipc'
import { createTestHost } from '../../helpers/host'

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>

/** A hand-written stand-in for ipcMain: records handlers so the test can call them like Electron would. */
class FakeIpcMain {
  readonly handlers = new Map<string, Handler>()
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, handler)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
}

function fakeContents(): WebContents & { sent: [string, unknown][] } {
  const sent: [string, unknown][] = []
  return { sent, send: (channel: string, payload: unknown) => sent.push([channel, payload]), isDestroyed: () => false } as never
}

function eventFrom(sender: WebContents, url: string, parent: unknown = null): IpcMainInvokeEvent {
  return { sender, senderFrame: { url, parent } } as never
}

describe('isTrustedSender', () => {
  const ours = fakeContents()
  const trusted = () => ours

  it('accepts our window’s main frame on the app origin', () => {
    expect(isTrustedSender(eventFrom(ours, 'app://bundle/index.html#/board'), trusted)).toBe(true)
  })

  it.each([
    ['another web contents', () => eventFrom(fakeContents(), 'app://bundle/index.html')],
    ['a remote page in our window', () => eventFrom(ours, 'https://evil.example/')],
    ['a file:// page', () => eventFrom(ours, 'file:///etc/passwd')],
    ['a subframe', () => eventFrom(ours, 'app://bundle/index.html', { url: 'app://bundle/' })],
    ['a frame without a URL', () => eventFrom(ours, 'not a url')]
  ])('refuses %s', (_label, make) => {
    expect(isTrustedSender(make(), trusted)).toBe(false)
  })

  it('refuses everything when there is no window', () => {
    expect(isTrustedSender(eventFrom(ours, 'app://bundle/index.html'), () => null)).toBe(false)
  })
})

describe('registerIpc', () => {
  it('registers exactly one handler per command, validated and sender-checked', async () => {
    const ipc = new FakeIpcMain()
    const ours = fakeContents()
    const host = createTestHost()
    const registration = registerIpc(
      ipc as unknown as IpcMain,
      host,
      () => ours,
      () => {}
    )
    expect([...ipc.handlers.keys()].sort()).toEqual([...COMMAND_NAMES].sort())

    const call = ipc.handlers.get('app:diagnostics')!
    expect(await call(eventFrom(ours, 'app://bundle/index.html'), undefined)).toMatchObject({ ok: true })
    expect(await call(eventFrom(ours, 'app://bundle/index.html'), { injected: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect(await call(eventFrom(fakeContents(), 'app://bundle/index.html'), undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' }
    })

    host.emit('app:notice', { level: 'warning', message: 'Campaign is off' })
    expect(ours.sent).toEqual([['app:notice', { level: 'warning', message: 'Campaign is off' }]])

    registration.dispose()
    expect(ipc.handlers.size).toBe(0)
    host.emit('app:notice', { level: 'info', message: 'after dispose' })
    expect(ours.sent).toHaveLength(1)
  })
})
