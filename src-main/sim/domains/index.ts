/**
 * sim-domain's entry points for the demo org (see org/README-ports.md): `installDomains` fills the org's
 * outbound, integrations, architect and telephony slots and wires the flow emulation; `seedSolution` creates the
 * deployed callback solution; `requireDomain` is how route modules reach a slot.
 */
import type { SimOrg } from '../org/org'
import { ArchitectDomain } from './architect/architect-domain'
import { IntegrationsDomain } from './integrations/integrations-domain'
import { HttpPlatformInvoker } from './integrations/platform-invoker'
import { OutboundDomain } from './outbound/outbound-domain'
import type { DialerOptions } from './outbound/dialer'
import type { DomainContext } from './shared/context'
import { installFlowEmulation, type FlowEmulation, type FlowsMode } from './solution/flow-emulation'
import { TelephonyStore } from './telephony/telephony-store'

declare module '../org/org' {
  interface SimOrgDomains {
    outbound: OutboundDomain
    integrations: IntegrationsDomain
    architect: ArchitectDomain
    telephony: TelephonyStore
    flowEmulation: FlowEmulation
  }
}

export { seedSolution, type SeedSolutionOptions, type SeededSolution } from './solution/seed-solution'
export { findDeployment, type Deployment } from './solution/deployment'
/** Which flows the org emulates (`--flows ours|blueprint`). */
export type { FlowsMode } from './solution/flow-emulation'

export { requireDomain } from './shared/require-domain'

/** The DomainContext view of the org (README-ports adapter). */
export function domainContext(org: SimOrg): DomainContext {
  return {
    clock: { now: () => org.clock.now(), after: (ms, fn) => org.clock.schedule(ms, fn) },
    random: org.random,
    ids: { next: () => org.ids.uuid() },
    publish: org.publish
  }
}

/** Optional tuning of `installDomains` (tests script dial outcomes through `dialer`). */
export interface InstallOptions {
  /** Flow behaviour for workflows and outbound flows (default `ours`; `seedSolution` sets it too). */
  readonly flows?: FlowsMode
  readonly dialer?: DialerOptions
}

/**
 * Fills the domain slots. `baseUrl` (`http://127.0.0.1:N`, empty without a server) serves the flow-job upload URL
 * and is where data actions send their Platform API requests.
 */
export function installDomains(org: SimOrg, baseUrl: string, options: InstallOptions = {}): void {
  const ctx = domainContext(org)
  const telephony = new TelephonyStore(ctx)
  org.telephony = telephony
  org.outbound = new OutboundDomain(ctx, telephony, { ...options.dialer, calls: options.dialer?.calls ?? conversationCalls(org) })
  org.integrations = new IntegrationsDomain(ctx, baseUrl ? new HttpPlatformInvoker(baseUrl, () => org.clock.now()) : undefined)
  org.architect = new ArchitectDomain(
    ctx,
    () => org.routing.homeDivision,
    () => baseUrl
  )
  wireReferences(org)
  org.flowEmulation = installFlowEmulation(org, options.flows ?? 'ours')
}

/** Cross-domain checks: CARS → outbound flow, flow delete guards, flow-job reference checks. */
function wireReferences(org: SimOrg): void {
  const outbound = org.outbound!
  const architect = org.architect!
  const integrations = org.integrations!
  outbound.responseSets.setFlowCheck((flowId) => {
    const flow = architect.flows.find(flowId)
    if (!flow) return `flow ${flowId} does not exist.`
    return flow.type === 'outboundcall' ? undefined : `flow '${flow.name}' is a ${flow.type} flow, not an outbound call flow.`
  })
  architect.flows.setUsageCheck((flowId) => {
    for (const c of outbound.campaigns.all()) {
      const setId = c.callAnalysisResponseSetId
      if (setId && outbound.responseSets.reaction(setId, 'callable.person').data === flowId)
        return `response set of campaign '${c.name}'`
    }
    for (const q of org.routing.queues.values()) if (q.queueFlow?.id === flowId) return `queue '${q.name}'`
    return undefined
  })
  architect.jobs.setReferenceCheck((flow) => {
    const problems: string[] = []
    for (const ref of flow.dataActions) {
      if (!integrations.actions.findPublished(ref.category, ref.name)) {
        problems.push(`Unable to find a published data action named '${ref.name}' in category '${ref.category}'.`)
      }
    }
    for (const name of flow.queueNames)
      if (!org.routing.queueByExactName(name)) problems.push(`Unable to find a queue named '${name}'.`)
    for (const name of flow.contactListNames)
      if (!outbound.contactLists.findByName(name)) problems.push(`Unable to find a contact list named '${name}'.`)
    return problems
  })
}

/** Dialler calls as real conversations: contacting on dial, ended on a failed attempt, handed to the flow on answer. */
function conversationCalls(org: SimOrg): NonNullable<DialerOptions['calls']> {
  return {
    placed: (campaign, contact, phone) =>
      org.conversations.createOutboundCall({
        phoneNumber: phone,
        campaignId: campaign.id,
        contactListId: contact.contactListId,
        contactId: contact.id,
        callerName: campaign.callerName,
        callerAddress: campaign.callerAddress
      }).id,
    ended: (conversationId) => {
      const conv = org.conversations.get(conversationId)
      if (conv && conv.phase !== 'ended') org.conversations.disconnect(conversationId, 'endpoint')
    },
    answered: (conversationId, flowName) => {
      const conv = org.conversations.get(conversationId)
      if (conv && conv.phase !== 'ended') org.conversations.connectToFlow(conversationId, flowName)
    }
  }
}
