/**
 * Guided setup (issue 6): the API calls and wall time of a full apply on an empty demo org, through the real
 * session gateway and the production polling of flow import jobs (the demo org runs in real time, so each job
 * takes its ~1 s). Also counts the verify and the teardown that follow, and the calls of a second, no-op apply.
 */
import { parseSetupInputs } from '../../src-main/core/setup/setup-inputs'
import { createProvisioner } from '../../src-main/genesys/provisioning/provisioner'
import type { CallTally } from '../../src-main/genesys/provisioning/provisioning-api'
import { GenesysSession } from '../../src-main/genesys/session/session'
import { MemorySecretStorage } from '../../src-main/host/secret-storage'
import { startDemoOrg } from '../../src-main/sim/server'

const calls = (t: CallTally): number => t.reads + t.writes + t.probes

export async function runSetupBench(): Promise<{ apiCalls: number; writes: number; seconds: number } & Record<string, unknown>> {
  const demo = await startDemoOrg({ empty: true, seed: 7, log: () => undefined })
  const session = new GenesysSession({ secrets: new MemorySecretStorage('bench'), openExternal: async () => undefined })
  try {
    const signedIn = await session.signInWithClientCredentials(
      { kind: 'demo', baseUrl: demo.baseUrl },
      'callback-console-demo',
      'demo-secret',
      false
    )
    if (!signedIn.ok) throw new Error(signedIn.error.message)
    const gateway = session.gateway
    const sites = await gateway.call('GET /api/v2/telephony/providers/edges/sites', (a) =>
      a.telephony.getTelephonyProvidersEdgesSites({})
    )
    const inputs = parseSetupInputs({
      targetQueueId: demo.seed.targetQueueId,
      callerIdName: 'Acme Care',
      callerIdNumber: '+13175550100',
      telephony: { kind: 'site', id: sites.ok ? sites.value.entities![0]!.id : '' },
      dataActionsClient: { clientId: 'callback-console-demo', clientSecret: 'demo-secret' }
    })
    if (!inputs.ok) throw new Error(JSON.stringify(inputs.problems))
    const provisioner = createProvisioner({ gateway })

    const started = performance.now()
    const apply = await provisioner.apply(inputs.value)
    const seconds = (performance.now() - started) / 1000
    if (!apply.ok) throw new Error(apply.error.message)

    const t1 = performance.now()
    const again = await provisioner.apply(inputs.value)
    const againSeconds = (performance.now() - t1) / 1000
    const t2 = performance.now()
    const verify = await provisioner.verify(inputs.value)
    const verifySeconds = (performance.now() - t2) / 1000
    const t3 = performance.now()
    const teardown = await provisioner.teardown({ namePrefix: inputs.value.namePrefix })
    const teardownSeconds = (performance.now() - t3) / 1000
    if (!teardown.ok) throw new Error(teardown.error.message)
    const round = (n: number): number => Math.round(n * 100) / 100
    return {
      apiCalls: calls(apply.tally),
      writes: apply.tally.writes,
      seconds: round(seconds),
      reads: apply.tally.reads,
      permissionProbes: apply.tally.probes,
      flowUploads: apply.tally.uploads,
      objects: apply.plan.steps.length,
      plan: apply.plan.summary,
      secondApply: { apiCalls: calls(again.tally), writes: again.tally.writes, seconds: round(againSeconds) },
      verify: { ok: verify.ok, checks: verify.checks.length, apiCalls: calls(verify.tally), seconds: round(verifySeconds) },
      teardown: {
        objects: teardown.done.length,
        apiCalls: calls(teardown.tally),
        writes: teardown.tally.writes,
        seconds: round(teardownSeconds)
      },
      note: 'Demo org in real time; flow import jobs polled like production (first poll after 1 s, then every 2 s).'
    }
  } finally {
    session.dispose()
    await demo.close()
  }
}
