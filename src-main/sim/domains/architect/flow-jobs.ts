/**
 * The flows jobs API (`POST /api/v2/flows/jobs`): a job hands out an upload URL served by the demo org itself;
 * the uploaded Archy YAML is parsed and checked, then the flow is created or updated and published, and polling
 * the job reports `Registered` → `Started` → `Success` (with `flow.id`) or `Failure` (with messages).
 */
import type { DomainContext } from '../shared/context'
import { isoDate } from '../shared/context'
import type { Json } from '../shared/body'
import { notFound } from '../shared/errors'
import { SimHttpError } from '../../http/types'
import { parseArchyYaml, type ArchyFlow } from './archy-yaml'
import type { FlowStore } from './flow-store'

/** Path of the upload URL (registered with `auth: 'none'`, like a presigned S3 URL). */
export const UPLOAD_PATH = '/uploads/v2/architect/flows/jobs'

/** Checks a parsed flow's references; returns the problems (empty = publishable). */
export type FlowReferenceCheck = (flow: ArchyFlow) => string[]

interface JobRecord {
  readonly id: string
  readonly secret: string
  status: 'Registered' | 'Started' | 'Success' | 'Failure'
  flowId?: string
  messages: Array<{ dateTime: string; type: string; text: string }>
}

/** Flow import jobs and their upload URLs. */
export class FlowJobs {
  private readonly jobs = new Map<string, JobRecord>()
  private check: FlowReferenceCheck = () => []

  constructor(
    private readonly ctx: DomainContext,
    private readonly flows: FlowStore,
    private readonly baseUrl: () => string
  ) {}

  setReferenceCheck(check: FlowReferenceCheck): void {
    this.check = check
  }

  /** `POST /flows/jobs` → `RegisterArchitectJobResponse`. */
  register(): Json {
    const id = this.ctx.ids.next()
    const secret = this.ctx.ids.next().replace(/-/g, '')
    this.jobs.set(id, { id, secret, status: 'Registered', messages: [] })
    return {
      id,
      presignedUrl: `${this.baseUrl()}${UPLOAD_PATH}/${id}?signature=${secret}`,
      headers: { 'Content-Type': 'application/octet-stream' },
      selfUri: `/api/v2/flows/jobs/${id}`
    }
  }

  /** The PUT to the upload URL: checks the signature, then processes the file shortly after. */
  upload(jobId: string, signature: string | null, body: unknown): void {
    const job = this.jobs.get(jobId)
    if (!job || signature !== job.secret) throw new SimHttpError(403, 'forbidden', 'The upload URL is invalid or has expired.')
    if (job.status !== 'Registered') throw new SimHttpError(409, 'conflict', 'A file was already uploaded for this job.')
    const text =
      typeof body === 'string'
        ? body
        : Buffer.isBuffer(body)
          ? body.toString('utf8')
          : body === undefined
            ? ''
            : JSON.stringify(body)
    job.status = 'Started'
    this.note(job, 'Info', 'File uploaded; publishing the flow.')
    this.ctx.clock.after(1_000, () => this.process(job, text))
  }

  /** `GET /flows/jobs/{jobId}` (`?expand=messages`). */
  get(jobId: string, expandMessages: boolean): Json {
    const job = this.jobs.get(jobId)
    if (!job) throw notFound('Architect job', jobId)
    return {
      id: job.id,
      status: job.status,
      command: 'Publish',
      ...(job.flowId ? { flow: { id: job.flowId, selfUri: `/api/v2/flows/${job.flowId}` } } : {}),
      ...(expandMessages ? { messages: job.messages.map((m) => ({ ...m })) } : {}),
      selfUri: `/api/v2/flows/jobs/${job.id}`
    }
  }

  private process(job: JobRecord, text: string): void {
    const parsed = parseArchyYaml(text)
    if (!parsed.ok) return this.failJob(job, [parsed.error])
    const problems = this.check(parsed.flow)
    if (problems.length > 0) return this.failJob(job, problems)
    const record = this.flows.importVersion(text, parsed.flow, true)
    job.flowId = record.id
    job.status = 'Success'
    this.note(job, 'Info', `Published ${parsed.flow.type} flow '${parsed.flow.name}' version ${record.versions.at(-1)!.id}.`)
  }

  private failJob(job: JobRecord, problems: string[]): void {
    for (const p of problems) this.note(job, 'Error', p)
    job.status = 'Failure'
  }

  private note(job: JobRecord, type: string, text: string): void {
    job.messages.push({ dateTime: isoDate(this.ctx.clock.now()), type, text })
  }
}
