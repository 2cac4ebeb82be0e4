/**
 * Publishes an Archy YAML flow without Archy, the way the CX-as-Code provider does (reference/blueprint.md §7):
 * register a flows job, PUT the YAML to the job's upload URL with the headers it gave, poll the job until
 * `Success` (flow id) or `Failure` (messages), then make sure the flow has a published version.
 */
import type platformClient from 'purecloud-platform-client-v2'
import type { ApiError } from '../gateway-types'
import { StepFailure, type ProvisioningApi } from './provisioning-api'

/** Waiting between polls; injected so tests and benchmarks do not sleep for real longer than needed. */
export interface PollTiming {
  readonly sleep: (ms: number) => Promise<void>
  /** First poll after this long, then every `intervalMs`. */
  readonly firstPollMs: number
  readonly intervalMs: number
  /** Give up after this long (the provider waits up to 16 minutes). */
  readonly timeoutMs: number
}

/** Uploads a file to a presigned URL; injected for tests (default: global fetch). */
export type Uploader = (
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string
) => Promise<{ status: number; text: string }>

/** Plain `fetch` PUT; refuses anything but https, or http on loopback (the demo org serves its own upload URL). */
export const fetchUploader: Uploader = async (url, headers, body) => {
  const u = new URL(url)
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) {
    return { status: 400, text: `Refusing to upload a flow to ${u.protocol}//${u.hostname}: not https.` }
  }
  try {
    const res = await fetch(url, { method: 'PUT', headers: { ...headers }, body })
    return { status: res.status, text: await res.text() }
  } catch (e: unknown) {
    return { status: 0, text: e instanceof Error ? e.message : String(e) }
  }
}

const fail = (message: string, endpoint: string, code = 'server'): StepFailure =>
  new StepFailure({ code, message } satisfies ApiError, endpoint)

/** Imports `yaml` through a flows job and returns the published flow id. */
export async function publishFlowYaml(
  api: ProvisioningApi,
  yaml: string,
  flowName: string,
  timing: PollTiming,
  upload: Uploader
): Promise<string> {
  const job = await api.must('POST /api/v2/flows/jobs', (a) => a.architect.postFlowsJobs(), { idempotent: false })
  if (!job.id || !job.presignedUrl)
    throw fail(`Genesys Cloud did not return an upload URL for flow "${flowName}".`, 'POST /api/v2/flows/jobs')
  api.tally.uploads++
  const uploaded = await upload(job.presignedUrl, job.headers ?? {}, yaml)
  if (uploaded.status < 200 || uploaded.status >= 300) {
    throw fail(`Uploading flow "${flowName}" failed (HTTP ${uploaded.status}).`, 'PUT (flow job upload URL)', 'network')
  }
  const state = await pollJob(api, job.id, flowName, timing)
  const flowId = state.flow?.id
  if (!flowId) throw fail(`The import job for flow "${flowName}" finished without a flow id.`, 'GET /api/v2/flows/jobs/{jobId}')
  await ensurePublished(api, flowId, flowName, timing)
  return flowId
}

async function pollJob(
  api: ProvisioningApi,
  jobId: string,
  flowName: string,
  timing: PollTiming
): Promise<platformClient.Models.ArchitectJobStateResponse> {
  let waited = 0
  let delay = timing.firstPollMs
  for (;;) {
    await timing.sleep(delay)
    waited += delay
    const state = await api.must('GET /api/v2/flows/jobs/{jobId}', (a) =>
      a.architect.getFlowsJob(jobId, { expand: ['messages'] })
    )
    if (state.status === 'Success') return state
    if (state.status === 'Failure') {
      const detail = (state.messages ?? [])
        .filter((m) => m.type !== 'Info')
        .map((m) => m.text)
        .filter(Boolean)
        .join(' ')
      throw fail(
        `Genesys Cloud refused flow "${flowName}": ${detail || 'the import job failed'}`,
        'GET /api/v2/flows/jobs/{jobId}',
        'bad-request'
      )
    }
    if (waited >= timing.timeoutMs)
      throw fail(
        `The import job for flow "${flowName}" did not finish in ${Math.round(timing.timeoutMs / 1000)} s.`,
        'GET /api/v2/flows/jobs/{jobId}',
        'network'
      )
    delay = timing.intervalMs
  }
}

/** Publishes the latest version when the job left the flow unpublished (jobs normally publish). */
async function ensurePublished(api: ProvisioningApi, flowId: string, flowName: string, timing: PollTiming): Promise<void> {
  const flow = await api.must('GET /api/v2/flows/{flowId}', (a) => a.architect.getFlow(flowId))
  if (flow.publishedVersion?.id) return
  await api.must('POST /api/v2/flows/actions/publish', (a) => a.architect.postFlowsActionsPublish(flowId), { idempotent: false })
  let waited = 0
  while (waited < timing.timeoutMs) {
    await timing.sleep(timing.intervalMs)
    waited += timing.intervalMs
    const again = await api.must('GET /api/v2/flows/{flowId}', (a) => a.architect.getFlow(flowId))
    if (again.publishedVersion?.id) return
  }
  throw fail(`Flow "${flowName}" was imported but did not publish in time.`, 'POST /api/v2/flows/actions/publish', 'network')
}
