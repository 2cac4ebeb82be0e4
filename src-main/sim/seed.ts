/**
 * The demo org's base data, present in both `--empty` and deployed modes: the target queue with agents, a
 * second queue, a supervisor (the PKCE login user), wrap-up codes, and (through sim-domain's telephony slot) a
 * site and an edge group. Deterministic for a given seed.
 */
import type { SimOrg } from './org/org'

/** Ids of the seeded objects other modules and tests refer to. */
export interface BaseSeed {
  readonly targetQueueId: string
  readonly secondQueueId: string
  readonly supervisorUserId: string
  readonly agentUserIds: readonly string[]
}

/** Name of the queue callers wait in (the blueprint's "target queue"). */
export const TARGET_QUEUE_NAME = 'Customer Service'
export const AGENT_COUNT = 12

const FIRST = [
  'Avery',
  'Blake',
  'Casey',
  'Devon',
  'Emery',
  'Finley',
  'Gray',
  'Harper',
  'Indigo',
  'Jordan',
  'Kai',
  'Logan',
  'Morgan',
  'Noel',
  'Oakley',
  'Parker'
]
const LAST = [
  'Adams',
  'Brooks',
  'Chen',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Khan',
  'Lopez',
  'Meyer',
  'Nakamura',
  'Owens',
  'Patel'
]

/** Telephony seeding offered by sim-domain's store (when installed). */
interface TelephonySeeder {
  seedSite(name: string, description?: string): string
  seedEdgeGroup(name: string, description?: string): string
}

/** Creates the base data. Agents start on queue and idle (the traffic model drives them afterwards). */
export function seedBase(org: SimOrg, agentCount = AGENT_COUNT): BaseSeed {
  const { routing } = org
  const target = routing.createQueue({
    name: TARGET_QUEUE_NAME,
    description: 'Inbound customer calls (the callback target queue)'
  })
  const second = routing.createQueue({ name: 'Billing', description: 'Billing questions' })
  const supervisor = routing.addUser({
    name: 'Dana Supervisor',
    email: 'dana.supervisor@demo.example',
    title: 'Contact center lead',
    department: 'Operations'
  })
  const agents: string[] = []
  for (let i = 0; i < agentCount; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`
    const u = routing.addUser({
      name,
      email: `agent${String(i + 1).padStart(2, '0')}@demo.example`,
      title: 'Agent',
      department: 'Customer Service'
    })
    agents.push(u.id)
  }
  routing.addMembers(target.id, agents)
  routing.addMembers(second.id, agents.slice(0, Math.ceil(agents.length / 3)))
  for (const id of agents) routing.setUserStatus(id, 'IDLE', 'On Queue')
  const codes = ['Resolved', 'Callback completed', 'Customer declined', 'Unreached'].map((n) => routing.createWrapupCode(n).id)
  routing.assignWrapupCodes(target.id, codes)
  const telephony = (org as { telephony?: Partial<TelephonySeeder> }).telephony
  if (telephony?.seedSite && telephony.seedEdgeGroup) {
    telephony.seedSite('Demo Site', 'Cloud site of the demo org')
    telephony.seedEdgeGroup('Demo Edge Group', 'Managed edge group of the demo org')
  }
  return { targetQueueId: target.id, secondQueueId: second.id, supervisorUserId: supervisor.id, agentUserIds: agents }
}
