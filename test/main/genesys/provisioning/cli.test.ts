import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mergeDraft, parseCliArgs } from '../../../../src-main/genesys/provisioning/cli-args'
import type { GenesysSession } from '../../../../src-main/genesys/session/session'
import { main } from '../../../../src-main/provision-cli'
import type { DemoOrg } from '../../../../src-main/sim/server'
import { fastProvisioner, inputsFor, signIn, startEmptyOrg } from './helpers/setup-harness'

/** Runs the CLI in-process and captures what it prints. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true))
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true))
  try {
    return { code: await main(argv, {}), out, err }
  } finally {
    o.mockRestore()
    e.mockRestore()
  }
}

describe('provision CLI arguments', () => {
  it('needs a command and exactly one target; defaults the demo client', () => {
    expect(parseCliArgs([], {})).toMatchObject({ ok: false })
    expect(parseCliArgs(['apply'], {})).toMatchObject({ ok: false, message: expect.stringContaining('--sim-url') })
    expect(parseCliArgs(['apply', '--sim-url', 'http://127.0.0.1:1', '--region', 'eu_west_1'], {})).toMatchObject({ ok: false })
    expect(parseCliArgs(['apply', '--region', 'eu_west_1'], {})).toMatchObject({
      ok: false,
      message: expect.stringContaining('--client-id')
    })
    const demo = parseCliArgs(['apply', '--sim-url=http://127.0.0.1:1'], {})
    expect(demo).toMatchObject({
      ok: true,
      args: { clientId: 'callback-console-demo', clientSecret: 'demo-secret', target: { kind: 'demo' } }
    })
    expect(parseCliArgs(['plan', '--bogus'], {})).toMatchObject({ ok: false, message: 'Unknown option --bogus.' })
    expect(parseCliArgs(['plan', '--help'], {})).toMatchObject({ ok: false, help: true })
  })

  it('turns flags into setup inputs, takes secrets from the environment, and lets flags win over the file', () => {
    const parsed = parseCliArgs(
      [
        'apply',
        '--region',
        'eu_west_1',
        '--client-id',
        'cid',
        '--target-queue',
        'q1',
        '--site',
        's1',
        '--lines',
        '4',
        '--max-attempts',
        '2',
        '--adopt'
      ],
      { GENESYS_CLIENT_SECRET: 'from-env' }
    )
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.args.clientSecret).toBe('from-env')
    const merged = mergeDraft({ outboundLines: 1, retry: { retryDelayMinutes: 5 }, callerIdName: 'From file' }, parsed.args)
    expect(merged).toMatchObject({
      targetQueueId: 'q1',
      telephony: { kind: 'site', id: 's1' },
      outboundLines: 4,
      retry: { retryDelayMinutes: 5, maxAttempts: 2 },
      callerIdName: 'From file',
      adopt: true,
      dataActionsClient: { clientId: 'cid', clientSecret: 'from-env' }
    })
  })
})

describe('provision CLI against a demo org', () => {
  let demo: DemoOrg
  let session: GenesysSession
  let dir: string
  const common = (): string[] => [
    '--sim-url',
    demo.baseUrl,
    '--target-queue-name',
    'Customer Service',
    '--caller-id-name',
    'Acme',
    '--caller-id-number',
    '+13175550100',
    '--wrapup-code',
    'Unreached'
  ]

  beforeAll(async () => {
    demo = await startEmptyOrg()
    dir = await mkdtemp(join(tmpdir(), 'provision-cli-'))
    const signedIn = await signIn(demo)
    session = signedIn.session
    const inputs = await inputsFor(demo, signedIn.gateway, { callerIdName: 'Acme', wrapupCodeName: 'Unreached' })
    const applied = await fastProvisioner(signedIn.gateway).apply(inputs)
    if (!applied.ok) throw new Error(applied.error.message)
  })
  afterAll(async () => {
    session?.dispose()
    await demo?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('plans (nothing to do), writes the Terraform and JSON exports, and exits 0', async () => {
    const tf = join(dir, 'setup.tf')
    const report = join(dir, 'plan.json')
    const r = await cli('plan', ...common(), '--terraform', tf, '--report', report)
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(/Plan: 0 to create, 0 to update, \d+ unchanged\./)
    expect(r.out).toContain('Preflight: ready')
    expect(await readFile(tf, 'utf8')).toContain('resource "genesyscloud_outbound_campaign" "callbacks"')
    expect(JSON.parse(await readFile(report, 'utf8'))).toMatchObject({
      kind: 'callback-console-setup-plan',
      preflight: { ok: true }
    })
    expect(r.out + (await readFile(report, 'utf8'))).not.toContain('demo-secret')
  })

  it('applies with zero writes and verifies', async () => {
    const applied = await cli('apply', ...common())
    expect(applied.code, applied.err).toBe(0)
    expect(applied.out).toMatch(/\(\d+ reads, 0 writes\)/)
    const verified = await cli('verify', ...common())
    expect(verified.code, verified.err).toBe(0)
    expect(verified.out).toMatch(/Verify: (\d+)\/\1 checks passed\./)
  })

  it('lists what teardown would remove and removes nothing without --yes; removes it with --yes', async () => {
    const dry = await cli('teardown', '--sim-url', demo.baseUrl)
    expect(dry.code).toBe(3)
    expect(dry.out).toContain('- campaign  Callback Console - Callbacks')
    const gone = await cli('teardown', '--sim-url', demo.baseUrl, '--yes')
    expect(gone.code, gone.err).toBe(0)
    const after = await cli('teardown', '--sim-url', demo.baseUrl)
    expect(after.out).toContain('Teardown: 0 to delete.')
  })

  it('exits 2 on bad inputs and 1 when verify finds the deployment missing', async () => {
    const bad = await cli(
      'plan',
      '--sim-url',
      demo.baseUrl,
      '--target-queue-name',
      'Customer Service',
      '--caller-id-name',
      'Acme',
      '--caller-id-number',
      '555'
    )
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('callerIdNumber')
    const verify = await cli('verify', ...common())
    expect(verify.code).toBe(1)
    expect(verify.out).toContain('failed: every object as desired')
  })

  it('applies the whole solution to the emptied org on its own, then verify passes', { timeout: 120_000 }, async () => {
    const applied = await cli('apply', ...common())
    expect(applied.code, applied.err).toBe(0)
    expect(applied.out).toMatch(/Plan: (\d+) to create/)
    expect(Number(/Plan: (\d+) to create/.exec(applied.out)![1])).toBeGreaterThan(10)
    expect(applied.out).not.toMatch(/\(\d+ reads, 0 writes\)/)
    const verified = await cli('verify', ...common())
    expect(verified.code, verified.err).toBe(0)
    expect(verified.out).toMatch(/Verify: (\d+)\/\1 checks passed\./)
  })
})
