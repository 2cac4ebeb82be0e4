import { describe, expect, it } from 'vitest'
import { findElectronBinary } from '../../src-main/shell/electron-binary'
import { startWebProcess } from '../helpers/web-process'

describe('npm start without an Electron binary', () => {
  // On a machine where the binary was downloaded, npm start opens the desktop app instead: nothing to test here.
  it.skipIf(findElectronBinary() !== null)(
    'tries Electron’s own installer, says why it cannot, and serves web mode instead',
    async () => {
      // A mirror nobody listens on makes the real download path fail at once, online or offline.
      const web = await startWebProcess([], { entry: 'launch', env: { ELECTRON_MIRROR: 'http://127.0.0.1:9/' } })
      try {
        expect(web.stderr()).toContain('[Launch] downloading the Electron runtime')
        expect(web.stderr()).toContain(
          'The Electron desktop runtime is not installed and could not be downloaded, so Callback Console is opening in web mode in your browser instead.'
        )
        expect((await fetch(web.url)).status).toBe(200)
      } finally {
        await web.stop()
      }
    }
  )
})
