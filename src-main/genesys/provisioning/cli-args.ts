/**
 * Arguments of `npm run provision -- plan|apply|verify|teardown …`, parsed without a library: where to connect
 * (a running demo org, or a region with client credentials) and the setup inputs as flags laid over an
 * optional `--inputs file.json`. Secrets may come from the environment so they stay out of shell history.
 */

/** The four headless commands. */
export type CliCommand = 'plan' | 'apply' | 'verify' | 'teardown'

/** Everything the CLI was told. */
export interface CliArgs {
  readonly command: CliCommand
  readonly target: { readonly kind: 'demo'; readonly baseUrl: string } | { readonly kind: 'region'; readonly regionId: string }
  readonly clientId: string
  readonly clientSecret: string
  readonly inputsFile?: string
  /** Setup-input draft from the flags (laid over the file's). */
  readonly draft: Record<string, unknown>
  readonly targetQueueName?: string
  readonly terraformFile?: string
  readonly reportFile?: string
  readonly yes: boolean
  readonly force: boolean
}

/** Parsed arguments, or the message to print (usage on `--help`). */
export type ParsedCli =
  { readonly ok: true; readonly args: CliArgs } | { readonly ok: false; readonly message: string; readonly help?: boolean }

/** The usage text. */
export const USAGE = `Usage: npm run provision -- <plan|apply|verify|teardown> [options]

Where:
  --sim-url URL                      a running demo org (client defaults to callback-console-demo / demo-secret)
  --region REGION                    a Genesys Cloud region id (e.g. eu_west_1), with:
  --client-id ID --client-secret S   client credentials (or GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET)

Setup inputs (flags win over --inputs file.json):
  --target-queue ID | --target-queue-name NAME
  --prefix TEXT                      name prefix of every object (default "Callback Console")
  --caller-id-name TEXT --caller-id-number +E164
  --site ID | --edge-group ID        telephony for the campaign (the only one is used when omitted)
  --lines N --wait-slice SECONDS --offer-threshold SECONDS
  --max-attempts N --retry-delay MINUTES
  --wrapup-code NAME                 reuse an existing wrap-up code instead of creating one
  --data-actions-client-id ID --data-actions-client-secret S
                                     OAuth client the data actions run as (default: the sign-in client;
                                     or CALLBACK_DATA_ACTIONS_CLIENT_SECRET)
  --adopt                            take over objects that already exist under setup's names

plan:      --terraform FILE (CX-as-Code export)  --report FILE (JSON report)
teardown:  --yes (confirm)  --force (even with callbacks still waiting)`

const NUMBER_FLAGS: Readonly<Record<string, string>> = {
  '--lines': 'outboundLines',
  '--wait-slice': 'waitSliceSeconds',
  '--offer-threshold': 'offerThresholdSeconds'
}
const TEXT_FLAGS: Readonly<Record<string, string>> = {
  '--target-queue': 'targetQueueId',
  '--prefix': 'namePrefix',
  '--caller-id-name': 'callerIdName',
  '--caller-id-number': 'callerIdNumber',
  '--wrapup-code': 'wrapupCodeName'
}
const VALUE_FLAGS = new Set([
  '--sim-url',
  '--region',
  '--client-id',
  '--client-secret',
  '--inputs',
  '--target-queue-name',
  '--site',
  '--edge-group',
  '--max-attempts',
  '--retry-delay',
  '--data-actions-client-id',
  '--data-actions-client-secret',
  '--terraform',
  '--report',
  ...Object.keys(NUMBER_FLAGS),
  ...Object.keys(TEXT_FLAGS)
])
const SWITCHES = new Set(['--adopt', '--yes', '--force', '--help', '-h'])
const COMMANDS: readonly CliCommand[] = ['plan', 'apply', 'verify', 'teardown']

/** Parses `argv` (without node and script) with `env` for secret fallbacks. */
export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedCli {
  const values = new Map<string, string>()
  const switches = new Set<string>()
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const eq = a.indexOf('=')
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined]
    if (SWITCHES.has(flag)) switches.add(flag)
    else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i]
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        return { ok: false, message: `${flag} needs a value.` }
      values.set(flag, value)
    } else if (a.startsWith('-')) return { ok: false, message: `Unknown option ${a}.` }
    else positional.push(a)
  }
  if (switches.has('--help') || switches.has('-h')) return { ok: false, message: USAGE, help: true }
  const command = positional[0] as CliCommand | undefined
  if (!command || !COMMANDS.includes(command) || positional.length > 1)
    return { ok: false, message: `Say what to do: ${COMMANDS.join(', ')}.` }

  const simUrl = values.get('--sim-url')
  const region = values.get('--region')
  if (Boolean(simUrl) === Boolean(region))
    return { ok: false, message: 'Give either --sim-url URL (a demo org) or --region REGION with client credentials.' }
  const clientId = values.get('--client-id') ?? env.GENESYS_CLIENT_ID ?? (simUrl ? 'callback-console-demo' : undefined)
  const clientSecret = values.get('--client-secret') ?? env.GENESYS_CLIENT_SECRET ?? (simUrl ? 'demo-secret' : undefined)
  if (!clientId || !clientSecret)
    return { ok: false, message: 'Give --client-id and --client-secret (or GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET).' }

  const draft: Record<string, unknown> = {}
  for (const [flag, key] of Object.entries(TEXT_FLAGS)) if (values.has(flag)) draft[key] = values.get(flag)
  for (const [flag, key] of Object.entries(NUMBER_FLAGS)) if (values.has(flag)) draft[key] = Number(values.get(flag))
  if (values.has('--site') && values.has('--edge-group')) return { ok: false, message: 'Give --site or --edge-group, not both.' }
  if (values.has('--site')) draft.telephony = { kind: 'site', id: values.get('--site') }
  if (values.has('--edge-group')) draft.telephony = { kind: 'edgeGroup', id: values.get('--edge-group') }
  if (values.has('--max-attempts') || values.has('--retry-delay')) {
    draft.retry = {
      ...(values.has('--max-attempts') ? { maxAttempts: Number(values.get('--max-attempts')) } : {}),
      ...(values.has('--retry-delay') ? { retryDelayMinutes: Number(values.get('--retry-delay')) } : {})
    }
  }
  const daId = values.get('--data-actions-client-id')
  const daSecret = values.get('--data-actions-client-secret') ?? env.CALLBACK_DATA_ACTIONS_CLIENT_SECRET
  if (daId || daSecret) draft.dataActionsClient = { clientId: daId ?? clientId, clientSecret: daSecret ?? clientSecret }
  if (switches.has('--adopt')) draft.adopt = true

  const opt = (flag: string): string | undefined => values.get(flag)
  const inputsFile = opt('--inputs')
  const targetQueueName = opt('--target-queue-name')
  const terraformFile = opt('--terraform')
  const reportFile = opt('--report')
  return {
    ok: true,
    args: {
      command,
      target: simUrl ? { kind: 'demo', baseUrl: simUrl } : { kind: 'region', regionId: region! },
      clientId,
      clientSecret,
      draft,
      yes: switches.has('--yes'),
      force: switches.has('--force'),
      ...(inputsFile ? { inputsFile } : {}),
      ...(targetQueueName ? { targetQueueName } : {}),
      ...(terraformFile ? { terraformFile } : {}),
      ...(reportFile ? { reportFile } : {})
    }
  }
}

/** Lays the flags over the file's inputs (nested `retry` merged), and fills the data-actions client default. */
export function mergeDraft(fromFile: Record<string, unknown>, args: CliArgs): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...fromFile, ...args.draft }
  if (fromFile.retry && args.draft.retry) merged.retry = { ...(fromFile.retry as object), ...(args.draft.retry as object) }
  if (!merged.dataActionsClient) merged.dataActionsClient = { clientId: args.clientId, clientSecret: args.clientSecret }
  return merged
}
