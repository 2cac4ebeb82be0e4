/**
 * Headless guided setup for teams that provision from pipelines: `npm run provision -- plan|apply|verify|teardown`
 * against a running demo org (`--sim-url`) or a Genesys Cloud region with client credentials. It prints the same
 * plan and progress the wizard shows and exits non-zero on any failure (2 = usage, 3 = teardown not confirmed).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { formatPlan, formatTeardown } from './core/setup/plan-report'
import { parseSetupInputs, setupInputsSchema, type SetupInputs } from './core/setup/setup-inputs'
import type { Gateway } from './genesys/gateway-types'
import { mergeDraft, parseCliArgs, type CliArgs } from './genesys/provisioning/cli-args'
import { preflightLines, progressLine, tallyLine, verifyLines } from './genesys/provisioning/cli-output'
import { createProvisioner, type Provisioner } from './genesys/provisioning/provisioner'
import { GenesysSession } from './genesys/session/session'
import { MemorySecretStorage } from './host/secret-storage'

const out = (line: string): void => void process.stdout.write(`${line}\n`)
const err = (line: string): void => void process.stderr.write(`${line}\n`)
/** Prints a progress event that has a line of its own. */
const onProgress = (e: Parameters<typeof progressLine>[0]): void => {
  const line = progressLine(e)
  if (line) out(line)
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env
): Promise<number> {
  const parsed = parseCliArgs(argv, env)
  if (!parsed.ok) {
    ;(parsed.help ? out : err)(parsed.message)
    return parsed.help ? 0 : 2
  }
  const args = parsed.args
  const session = new GenesysSession({
    secrets: new MemorySecretStorage('The provisioning CLI keeps nothing on disk.'),
    openExternal: async () => {
      throw new Error('[provision] the CLI signs in with client credentials only')
    }
  })
  try {
    const signedIn = await session.signInWithClientCredentials(args.target, args.clientId, args.clientSecret, false)
    if (!signedIn.ok) {
      err(`[provision] Sign-in failed: ${signedIn.error.message}`)
      return 1
    }
    out(`[provision] Signed in to ${signedIn.value.orgName ?? 'the org'} as ${signedIn.value.principalName ?? args.clientId}.`)
    const started = Date.now()
    const provisioner = createProvisioner({ gateway: session.gateway })
    const code = await run(args, session.gateway, provisioner)
    out(`[provision] Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
    return code
  } catch (e: unknown) {
    err(`[provision] ${e instanceof Error ? e.message : String(e)}`)
    return 1
  } finally {
    session.dispose()
  }
}

async function run(args: CliArgs, gateway: Gateway, provisioner: Provisioner): Promise<number> {
  const fromFile = args.inputsFile ? (JSON.parse(await readFile(args.inputsFile, 'utf8')) as Record<string, unknown>) : {}
  const draft = await resolveNames(mergeDraft(fromFile, args), args, gateway)
  if (args.command === 'teardown') return teardown(args, draft, provisioner)
  const inputs = parseSetupInputs(draft)
  if (!inputs.ok) {
    for (const p of inputs.problems) err(`[provision] input ${p.path}: ${p.message}`)
    return 2
  }
  const started = Date.now()
  switch (args.command) {
    case 'plan': {
      const plan = await provisioner.plan(inputs.value)
      if (!plan.ok) return fail(plan.error.message)
      out(formatPlan(plan.value.plan))
      const report = await provisioner.preflight(inputs.value)
      preflightLines(report).forEach((l) => out(l))
      if (args.terraformFile) await writeFile(args.terraformFile, plan.value.terraform)
      if (args.reportFile)
        await writeFile(
          args.reportFile,
          `${JSON.stringify({ ...plan.value.report, preflight: { ok: report.ok, problems: report.problems } }, null, 2)}\n`
        )
      return report.ok ? 0 : 1
    }
    case 'apply': {
      const result = await provisioner.apply(inputs.value, { onProgress })
      if (result.ok) out(formatPlan(result.plan))
      else if (result.preflight) preflightLines(result.preflight).forEach((l) => out(l))
      out(tallyLine(result.tally, (Date.now() - started) / 1000))
      if (!result.ok) return fail(result.error.message)
      out(`[provision] Applied. Deployment profile: ${JSON.stringify(result.profile)}`)
      return 0
    }
    case 'verify': {
      const result = await provisioner.verify(inputs.value, { onProgress })
      verifyLines(result).forEach((l) => out(l))
      out(tallyLine(result.tally, (Date.now() - started) / 1000))
      return result.ok ? 0 : 1
    }
  }
}

async function teardown(args: CliArgs, draft: Record<string, unknown>, provisioner: Provisioner): Promise<number> {
  const namePrefix = setupInputsSchema.shape.namePrefix.safeParse(draft.namePrefix)
  if (!namePrefix.success) return fail(`input namePrefix: ${namePrefix.error.issues[0]?.message ?? 'invalid'}`, 2)
  const scope = {
    namePrefix: namePrefix.data,
    ...(typeof draft.targetQueueId === 'string' ? { targetQueueId: draft.targetQueueId } : {}),
    force: args.force
  }
  const plan = await provisioner.planTeardown(scope)
  if (!plan.ok) return fail(plan.error.message)
  out(formatTeardown(plan.value))
  if (!args.yes) {
    out('[provision] Nothing removed. Run again with --yes to remove the objects listed above.')
    return 3
  }
  const started = Date.now()
  const result = await provisioner.teardown(scope, { onProgress })
  out(tallyLine(result.tally, (Date.now() - started) / 1000))
  return result.ok ? 0 : fail(result.error.message)
}

/** `--target-queue-name` → id; no telephony given → the org's only site (or only edge group). */
async function resolveNames(draft: Record<string, unknown>, args: CliArgs, gateway: Gateway): Promise<Record<string, unknown>> {
  const next = { ...draft }
  if (args.targetQueueName && !next.targetQueueId) {
    const queues = await gateway.call('GET /api/v2/routing/queues', (a) =>
      a.routing.getRoutingQueues({ name: args.targetQueueName, pageSize: 100 })
    )
    const match = queues.ok ? (queues.value.entities ?? []).filter((q) => q.name === args.targetQueueName) : []
    if (match.length !== 1)
      throw new Error(`Found ${match.length} queues named "${args.targetQueueName}"; give --target-queue ID instead.`)
    next.targetQueueId = match[0]!.id
  }
  if (!next.telephony && args.command !== 'teardown') {
    const sites = await gateway.call('GET /api/v2/telephony/providers/edges/sites', (a) =>
      a.telephony.getTelephonyProvidersEdgesSites({ pageSize: 100 })
    )
    const all = sites.ok ? (sites.value.entities ?? []) : []
    if (all.length === 1 && all[0]!.id) next.telephony = { kind: 'site', id: all[0]!.id }
    else {
      const groups = await gateway.call('GET /api/v2/telephony/providers/edges/edgegroups', (a) =>
        a.telephony.getTelephonyProvidersEdgesEdgegroups({ pageSize: 100 })
      )
      const g = groups.ok ? (groups.value.entities ?? []) : []
      if (all.length === 0 && g.length === 1 && g[0]!.id) next.telephony = { kind: 'edgeGroup', id: g[0]!.id }
    }
  }
  return next
}

function fail(message: string, code = 1): number {
  err(`[provision] Failed: ${message}`)
  return code
}

/** Inputs type re-exported for scripts that build an inputs file. */
export type { SetupInputs }

if (process.argv[1] && /provision-cli\.(ts|js|mjs)$/.test(process.argv[1])) {
  void main().then((code) => process.exit(code))
}
