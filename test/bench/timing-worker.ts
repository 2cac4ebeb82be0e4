/**
 * The timing benchmark's unit of work — one scenario, one seed, some policies (and the no-callback baseline) — and a
 * small pool of child processes that runs units on every core. The same module is the child's entry: started with
 * `TIMING_BENCH_WORKER=1` it answers each message with the unit's result (structured-clone IPC keeps the Maps).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { baselineConfig, runDay, withFlows, type DayResult } from './timing-day'
import { policySpecs, type Tuning } from './timing-policies'
import { TEST_SCENARIOS, TRAINING_SCENARIOS } from './timing-scenarios'

/** One seeded day of one scenario for the listed policies (all when omitted). */
export interface DayTask {
  readonly scenario: string
  readonly seed: number
  readonly tuning?: Tuning
  readonly policies?: readonly string[]
  readonly baseline: boolean
}

/** The results of a task, by policy id. */
export interface DayTaskResult {
  readonly task: DayTask
  readonly baseline?: Map<number, number>
  readonly days: Record<string, DayResult>
}

/** Runs a task in this thread. */
export function runTask(task: DayTask): DayTaskResult {
  const scenario = [...TEST_SCENARIOS, ...TRAINING_SCENARIOS].find((s) => s.id === task.scenario)
  if (!scenario) throw new Error(`[TimingBench] unknown scenario ${task.scenario}`)
  const config = scenario.config(task.seed)
  const days: Record<string, DayResult> = {}
  for (const spec of policySpecs(task.tuning)) {
    if (task.policies && !task.policies.includes(spec.id)) continue
    const flowsConfig = spec.flows === 'blueprint' ? withFlows(config, 'blueprint') : config
    days[spec.id] = runDay(flowsConfig, spec.build(), scenario.twinEvery)
  }
  const baseline = task.baseline ? runDay(baselineConfig(config), undefined).onHoldWaits : undefined
  return { task, ...(baseline ? { baseline } : {}), days }
}

/** Runs tasks on up to one child process per core; results come back in the order of `tasks`. */
export async function runTasks(tasks: readonly DayTask[], processes = Math.max(1, cpus().length)): Promise<DayTaskResult[]> {
  if (processes <= 1 || tasks.length <= 1) return tasks.map(runTask)
  const results: DayTaskResult[] = new Array(tasks.length)
  let next = 0
  const worker = (child: ChildProcess): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const feed = (): void => {
        if (next >= tasks.length) {
          child.disconnect()
          resolve()
          return
        }
        const index = next++
        child.once('message', (r) => {
          results[index] = r as DayTaskResult
          feed()
        })
        child.send(tasks[index]!)
      }
      child.once('error', reject)
      child.once('exit', (code) => {
        if (next < tasks.length || code !== 0) reject(new Error(`[TimingBench] worker exited with ${code}`))
      })
      feed()
    })
  const children = Array.from({ length: Math.min(processes, tasks.length) }, () =>
    fork(fileURLToPath(import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, TIMING_BENCH_WORKER: '1' },
      serialization: 'advanced'
    })
  )
  try {
    await Promise.all(children.map(worker))
  } finally {
    for (const c of children) if (c.connected) c.disconnect()
  }
  return results
}

if (process.env.TIMING_BENCH_WORKER === '1' && process.send) {
  process.on('message', (task) => process.send!(runTask(task as DayTask)))
}
