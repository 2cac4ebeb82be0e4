/**
 * `npm run bench -- <suite…>`: the only source of speed, size and accuracy figures (never timed tests).
 * Each suite writes `test/bench/results/<suite>.json`; the README quotes those files.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'

type Suite = () => Promise<unknown>

const SUITES: Record<string, { readonly what: string; readonly load: () => Promise<Suite> }> = {
  sim: {
    what: 'demo org: 10,000 waiting callbacks, events/s published',
    load: async () => (await import('./sim-bench')).runSimBench
  },
  api: {
    what: 'REST calls: steady state with 1,000 callbacks, first snapshot of 5,000',
    load: async () => (await import('./api-bench')).runApiBench
  },
  board: {
    what: 'board in a real browser: 5,000 callbacks, 200 events/s',
    load: async () => (await import('./board-bench')).runBoardBench
  },
  timing: {
    what: 'callback timing policies vs the blueprint formula',
    load: async () => (await import('./timing-bench')).runTimingBench
  },
  setup: {
    what: 'guided setup: API calls and time of a full apply',
    load: async () => (await import('./setup-bench')).runSetupBench
  }
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  const names = asked.length > 0 ? asked : Object.keys(SUITES)
  const unknown = names.filter((n) => !(n in SUITES))
  if (unknown.length > 0) {
    console.error(`Unknown benchmark ${unknown.join(', ')}. Choose from: ${Object.keys(SUITES).join(', ')}.`)
    process.exit(2)
  }
  const resultsDir = join(import.meta.dirname, 'results')
  await mkdir(resultsDir, { recursive: true })
  let failed = 0
  for (const name of names) {
    const suite = SUITES[name]
    console.log(`[bench] ${name}: ${suite.what}`)
    const started = Date.now()
    try {
      const result = await (await suite.load())()
      const record = {
        suite: name,
        measuredAt: new Date().toISOString(),
        machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.versions.node },
        seconds: Math.round((Date.now() - started) / 100) / 10,
        result
      }
      await writeFile(join(resultsDir, `${name}.json`), JSON.stringify(record, null, 2) + '\n')
      console.log(JSON.stringify(result, null, 2))
    } catch (e: unknown) {
      failed++
      console.error(`[bench] ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
    }
  }
  process.exit(failed === 0 ? 0 : 1)
}

void main()
