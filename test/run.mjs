// `npm test`: lint, typecheck, build, then every vitest project (node, DOM, real-browser e2e), and one plain
// closing line `N passed, N failed` that CI reads. A failed gate (lint/typecheck/build) counts as one failure.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const results = '.vitest-results.json'
const gates = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['typecheck', 'npx', ['vue-tsc', '--build']],
  ['build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']]
]
const extra = process.argv.slice(2)
let failedGates = 0
for (const [name, cmd, args] of gates) {
  const started = Date.now()
  const run = spawnSync(cmd, args, { stdio: 'inherit' })
  const ok = run.status === 0
  if (!ok) failedGates++
  console.log(`[test] ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

rmSync(results, { force: true })
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...extra],
  {
    stdio: 'inherit',
    env: { ...process.env, NO_COLOR: '1' }
  }
)
let passed = 0
let failed = failedGates
if (existsSync(results)) {
  const report = JSON.parse(readFileSync(results, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) failed += report.numFailedTestSuites
} else {
  failed += 1
}
if (vitest.status !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
