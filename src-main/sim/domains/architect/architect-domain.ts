/** Flows, flow jobs and workflow executions of the demo org, wired together. */
import type { DomainContext } from '../shared/context'
import { FlowExecutions } from './flow-executions'
import { FlowJobs } from './flow-jobs'
import { FlowStore } from './flow-store'

/** The org's architect slot. */
export class ArchitectDomain {
  readonly flows: FlowStore
  readonly jobs: FlowJobs
  readonly executions: FlowExecutions

  constructor(ctx: DomainContext, homeDivision: () => { id: string; name: string }, baseUrl: () => string) {
    this.flows = new FlowStore(ctx, homeDivision)
    this.jobs = new FlowJobs(ctx, this.flows, baseUrl)
    this.executions = new FlowExecutions(ctx, this.flows)
  }
}
