import type { BrowserWindowConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { createMainWindow, secureWebPreferences } from '../../../src-main/shell/electron-window'
import { DEFAULT_WINDOW_STATE } from '../../../src-main/shell/window-state'

describe('window factory', () => {
  it('pins the hardened web preferences', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  })

  it('creates the window with saved bounds and loads the app bundle, not a remote URL', () => {
    const created: { options: BrowserWindowConstructorOptions; loaded: string[]; maximized: boolean }[] = []
    class FakeWindow {
      loaded: string[] = []
      maximized = false
      constructor(readonly options: BrowserWindowConstructorOptions) {
        created.push(this)
      }
      maximize() {
        this.maximized = true
      }
      once() {}
      show() {}
      loadURL(url: string) {
        this.loaded.push(url)
        return Promise.resolve()
      }
    }
    createMainWindow(FakeWindow as never, {
      preloadPath: '/p/preload.cjs',
      state: { ...DEFAULT_WINDOW_STATE, x: 10, y: 20, maximized: true }
    })
    expect(created).toHaveLength(1)
    expect(created[0].options).toMatchObject({ x: 10, y: 20, width: 1280, height: 820, show: false })
    expect(created[0].options.webPreferences?.sandbox).toBe(true)
    expect(created[0].loaded).toEqual(['app://bundle/index.html'])
    expect(created[0].maximized).toBe(true)
  })
})
