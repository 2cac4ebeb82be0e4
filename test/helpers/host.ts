import { ConsoleHost } from '../../src-main/host/console-host'
import { MemorySecretStorage } from '../../src-main/host/secret-storage'

/** A real ConsoleHost with fixed, recognisable facts, for shell and contract tests. */
export function createTestHost(overrides: { log?: (line: string) => void } = {}): ConsoleHost {
  return new ConsoleHost({
    shell: 'web',
    appName: 'Callback Console',
    appVersion: '9.9.9-test',
    dataDir: '/data/test-console',
    versions: { node: process.versions.node, electron: null, chromium: null, v8: process.versions.v8 },
    platform: 'linux',
    arch: 'x64',
    secrets: new MemorySecretStorage('Memory only in tests.'),
    now: () => new Date('2026-11-24T09:00:00Z'),
    log: overrides.log ?? (() => {})
  })
}
