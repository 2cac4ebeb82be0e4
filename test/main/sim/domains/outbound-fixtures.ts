/** Builders for outbound unit tests: an org with one edge group, the blueprint's list, CARS and campaign bodies. */
import { OutboundDomain } from '../../../../src-main/sim/domains/outbound/outbound-domain'
import type { DialerOptions } from '../../../../src-main/sim/domains/outbound/dialer'
import { TelephonyStore } from '../../../../src-main/sim/domains/telephony/telephony-store'
import { fakeContext, type FakeContext } from './fake-context'

export interface OutboundFixture {
  readonly ctx: FakeContext
  readonly outbound: OutboundDomain
  readonly edgeGroupId: string
  readonly siteId: string
}

export function outboundFixture(options: DialerOptions = {}, seed = 7): OutboundFixture {
  const ctx = fakeContext(seed)
  const telephony = new TelephonyStore(ctx)
  const siteId = telephony.seedSite('Demo Site')
  const edgeGroupId = telephony.seedEdgeGroup('Demo Edge Group')
  return { ctx, outbound: new OutboundDomain(ctx, telephony, options), edgeGroupId, siteId }
}

export const LIST_BODY = {
  name: 'Proactive callbacks',
  columnNames: ['phone', 'name', 'delay', 'callbackId'],
  phoneColumns: [{ columnName: 'phone', type: 'cell' }]
}

export function carsBody(flowId = 'flow-1'): Record<string, unknown> {
  return {
    name: 'Proactive callback',
    responses: {
      'disposition.classification.callable.person': {
        reactionType: 'transfer_flow',
        data: flowId,
        name: 'Proactive callback connect'
      },
      'disposition.classification.callable.busy': { reactionType: 'hangup' },
      'disposition.classification.callable.machine': { reactionType: 'hangup' }
    },
    beepDetectionEnabled: false
  }
}

export function campaignBody(
  contactListId: string,
  responseSetId: string,
  edgeGroupId: string,
  extra: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    name: 'Proactive callbacks',
    contactList: { id: contactListId },
    dialingMode: 'agentless',
    edgeGroup: { id: edgeGroupId },
    campaignStatus: 'on',
    phoneColumns: [{ columnName: 'phone', type: 'Cell' }],
    callAnalysisResponseSet: { id: responseSetId },
    callerName: 'Good Corporation',
    callerAddress: '+13175500100',
    outboundLineCount: 1,
    alwaysRunning: true,
    ...extra
  }
}
