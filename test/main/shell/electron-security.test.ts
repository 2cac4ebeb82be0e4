import { describe, expect, it } from 'vitest'
import { installSecurityGuards } from '../../../src-main/shell/electron-security'

type Listener = (...args: unknown[]) => void

/** Minimal fakes of app, session and web contents that record what the guards install. */
function setup() {
  const appListeners = new Map<string, Listener>()
  const app = { on: (name: string, fn: Listener) => appListeners.set(name, fn) }
  let permissionHandler: Listener = () => {}
  let checkHandler: () => boolean = () => true
  const session = {
    setPermissionRequestHandler: (fn: Listener) => (permissionHandler = fn),
    setPermissionCheckHandler: (fn: () => boolean) => (checkHandler = fn)
  }
  const contentsListeners = new Map<string, Listener>()
  let openHandler: () => { action: string } = () => ({ action: 'allow' })
  const contents = {
    on: (name: string, fn: Listener) => contentsListeners.set(name, fn),
    setWindowOpenHandler: (fn: () => { action: string }) => (openHandler = fn)
  }
  installSecurityGuards(
    app as never,
    session as never,
    (url) => url.startsWith('app://bundle/'),
    () => {}
  )
  appListeners.get('web-contents-created')!({}, contents)
  return {
    permission: (p: string) => new Promise((r) => permissionHandler({}, p, r)),
    check: () => checkHandler(),
    contentsListeners,
    open: () => openHandler()
  }
}

describe('security guards', () => {
  it('denies every permission request and check', async () => {
    const guards = setup()
    expect(await guards.permission('media')).toBe(false)
    expect(await guards.permission('notifications')).toBe(false)
    expect(guards.check()).toBe(false)
  })

  it('blocks navigation away from the bundle but allows in-app navigation', () => {
    const guards = setup()
    const navigate = (url: string) => {
      let prevented = false
      guards.contentsListeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    expect(navigate('https://evil.example/')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(navigate('app://bundle/index.html#/board')).toBe(false)
  })

  it('denies new windows and webviews', () => {
    const guards = setup()
    expect(guards.open()).toEqual({ action: 'deny' })
    let prevented = false
    guards.contentsListeners.get('will-attach-webview')!({ preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })
})
