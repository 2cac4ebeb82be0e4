import { describe, expect, it, vi } from 'vitest'
import { createBridgeApi } from '../../src-renderer/bridge-client'

/** A scriptable WebSocket stand-in: the test plays the server side. */
class FakeSocket {
  static readonly OPEN = 1
  static instances: FakeSocket[] = []
  readyState = 0
  sent: string[] = []
  onopen: (() => void) | null = null
  onmessage: ((m: { data: string }) => void) | null = null
  onclose: (() => void) | null = null
  constructor(readonly url: string) {
    FakeSocket.instances.push(this)
  }
  send(frame: string) {
    this.sent.push(frame)
  }
  open() {
    this.readyState = 1
    this.onopen?.()
  }
  serverSends(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) })
  }
  drop() {
    this.readyState = 3
    this.onclose?.()
  }
}

describe('bridge client', () => {
  it('connects below the secret prefix and queues calls until open', async () => {
    FakeSocket.instances = []
    const api = createBridgeApi('http://127.0.0.1:5000/s/SECRET/#/diagnostics', FakeSocket as never)
    const socket = FakeSocket.instances[0]
    expect(socket.url).toBe('ws://127.0.0.1:5000/s/SECRET/bridge')
    const pending = api.invoke('app:diagnostics', undefined)
    expect(socket.sent).toEqual([])
    socket.open()
    const frame = JSON.parse(socket.sent[0])
    expect(frame).toMatchObject({ type: 'invoke', command: 'app:diagnostics' })
    socket.serverSends({ type: 'result', id: frame.id, result: { ok: true, value: 'x' } })
    expect(await pending).toEqual({ ok: true, value: 'x' })
  })

  it('delivers pushed events to subscribers until they unsubscribe', () => {
    FakeSocket.instances = []
    const api = createBridgeApi('http://127.0.0.1:5000/s/S/', FakeSocket as never)
    const socket = FakeSocket.instances[0]
    socket.open()
    const seen: unknown[] = []
    const off = api.on('app:notice', (n) => seen.push(n))
    socket.serverSends({ type: 'event', event: 'app:notice', payload: { level: 'info', message: 'a' } })
    off()
    socket.serverSends({ type: 'event', event: 'app:notice', payload: { level: 'info', message: 'b' } })
    expect(seen).toEqual([{ level: 'info', message: 'a' }])
  })

  it('tells subscribers when it came back after a drop (not on the first connect)', () => {
    vi.useFakeTimers()
    FakeSocket.instances = []
    const api = createBridgeApi('http://127.0.0.1:5000/s/S/', FakeSocket as never)
    let reconnects = 0
    api.onReconnect(() => reconnects++)
    FakeSocket.instances[0].open()
    expect(reconnects).toBe(0)
    FakeSocket.instances[0].drop()
    vi.advanceTimersByTime(15_000)
    FakeSocket.instances[1].open()
    expect(reconnects).toBe(1)
    vi.useRealTimers()
  })

  it('resolves in-flight calls with a plain error on a drop, then reconnects', async () => {
    vi.useFakeTimers()
    FakeSocket.instances = []
    const api = createBridgeApi('http://127.0.0.1:5000/s/S/', FakeSocket as never)
    FakeSocket.instances[0].open()
    const pending = api.invoke('app:diagnostics', undefined)
    FakeSocket.instances[0].drop()
    expect(await pending).toMatchObject({ ok: false, error: { code: 'disconnected' } })
    vi.advanceTimersByTime(15_000)
    expect(FakeSocket.instances.length).toBe(2)
    vi.useRealTimers()
  })
})
