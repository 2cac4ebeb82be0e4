import { describe, expect, it } from 'vitest'
import { createTestHost } from '../../helpers/host'

describe('diagnostics', () => {
  it('reports the shell facts it was given', async () => {
    const result = await createTestHost().handlers['app:diagnostics'](undefined)
    expect(result.ok && result.value).toMatchObject({
      appName: 'Callback Console',
      shell: 'web',
      versions: { node: process.versions.node, electron: null },
      secureStorage: { available: false, detail: 'Memory only in tests.' },
      startedAt: '2026-11-24T09:00:00.000Z'
    })
  })

  it('builds a support summary with versions and no secrets', async () => {
    const host = createTestHost()
    const result = await host.handlers['app:support-summary'](undefined)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value).toContain('Callback Console 9.9.9-test (web mode)')
    expect(result.value).toContain(`Node: ${process.versions.node}`)
    expect(result.value).toContain('Secure token storage: not available')
    expect(result.value).not.toMatch(/token[:=]\s*\S{20,}|Bearer|secret=/i)
  })
})
