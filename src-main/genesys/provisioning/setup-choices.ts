/**
 * What the wizard lets a lead pick from instead of typing ids: the org's queues (target queue), sites and edge
 * groups (where the campaign dials from) and wrap-up codes (to reuse one). A list the sign-in may not read comes
 * back empty with the reason, so the form can say why a picker is empty.
 */
import type { Gateway } from '../gateway-types'

/** One pickable object. */
export interface Choice {
  readonly id: string
  readonly name: string
}

/** Options for every picker of the wizard. */
export interface SetupChoices {
  readonly queues: readonly Choice[]
  readonly sites: readonly Choice[]
  readonly edgeGroups: readonly Choice[]
  readonly wrapupCodes: readonly Choice[]
  /** Per list that could not be read: the plain reason. */
  readonly problems: Readonly<Partial<Record<'queues' | 'sites' | 'edgeGroups' | 'wrapupCodes', string>>>
}

type Page = { entities?: Array<{ id?: string; name?: string }>; pageCount?: number }

/** Reads every picker's options (up to 20 pages of 100 each). */
export async function listSetupChoices(gateway: Gateway): Promise<SetupChoices> {
  const problems: Partial<Record<keyof Omit<SetupChoices, 'problems'>, string>> = {}
  const all = async (
    key: keyof Omit<SetupChoices, 'problems'>,
    endpoint: string,
    page: (n: number) => (a: Parameters<Parameters<Gateway['call']>[1]>[0]) => Promise<Page>
  ): Promise<Choice[]> => {
    const out: Choice[] = []
    for (let n = 1; n <= 20; n++) {
      const result = await gateway.call(endpoint, page(n))
      if (!result.ok) {
        problems[key] = result.error.message
        break
      }
      for (const e of result.value.entities ?? []) if (e.id && e.name) out.push({ id: e.id, name: e.name })
      if ((result.value.pageCount ?? 1) <= n) break
    }
    return out.sort((a, b) => a.name.localeCompare(b.name))
  }
  const queues = await all(
    'queues',
    'GET /api/v2/routing/queues',
    (n) => (a) => a.routing.getRoutingQueues({ pageSize: 100, pageNumber: n })
  )
  const sites = await all(
    'sites',
    'GET /api/v2/telephony/providers/edges/sites',
    (n) => (a) => a.telephony.getTelephonyProvidersEdgesSites({ pageSize: 100, pageNumber: n })
  )
  const edgeGroups = await all(
    'edgeGroups',
    'GET /api/v2/telephony/providers/edges/edgegroups',
    (n) => (a) => a.telephony.getTelephonyProvidersEdgesEdgegroups({ pageSize: 100, pageNumber: n })
  )
  const wrapupCodes = await all(
    'wrapupCodes',
    'GET /api/v2/routing/wrapupcodes',
    (n) => (a) => a.routing.getRoutingWrapupcodes({ pageSize: 100, pageNumber: n })
  )
  return { queues, sites, edgeGroups, wrapupCodes, problems }
}
