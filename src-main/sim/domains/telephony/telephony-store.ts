/**
 * Sites and edge groups: read-only seed data, because an agentless campaign must name one of them and guided
 * setup lets the user pick it from the org.
 */
import type { DomainContext } from '../shared/context'
import { isoDate } from '../shared/context'
import type { Json } from '../shared/body'
import { notFound } from '../shared/errors'
import { nameFilter, pageOf, type EntityListing } from '../shared/listing'

const SITES = '/api/v2/telephony/providers/edges/sites'
const EDGE_GROUPS = '/api/v2/telephony/providers/edges/edgegroups'

interface TelephonyEntity {
  readonly id: string
  readonly name: string
  readonly json: Json
}

/** Seeded sites and edge groups, looked up by campaigns and listed for guided setup. */
export class TelephonyStore {
  private readonly sites = new Map<string, TelephonyEntity>()
  private readonly edgeGroups = new Map<string, TelephonyEntity>()

  constructor(private readonly ctx: DomainContext) {}

  /** Adds a site (seeding only; the API surface is read-only). */
  seedSite(name: string, description = ''): string {
    const id = this.ctx.ids.next()
    const created = isoDate(this.ctx.clock.now())
    this.sites.set(id, {
      id,
      name,
      json: {
        id,
        name,
        description,
        version: 1,
        dateCreated: created,
        dateModified: created,
        state: 'active',
        managed: false,
        location: { id: this.ctx.ids.next(), name: `${name} location` },
        mediaModel: 'Cloud',
        coreSite: false,
        edges: [],
        primarySites: [],
        secondarySites: [],
        selfUri: `${SITES}/${id}`
      }
    })
    return id
  }

  /** Adds an edge group (seeding only). */
  seedEdgeGroup(name: string, description = ''): string {
    const id = this.ctx.ids.next()
    const created = isoDate(this.ctx.clock.now())
    this.edgeGroups.set(id, {
      id,
      name,
      json: {
        id,
        name,
        description,
        version: 1,
        dateCreated: created,
        dateModified: created,
        state: 'active',
        managed: true,
        hybrid: false,
        edgeTrunkBaseAssignment: { family: 1, trunkBase: { id: this.ctx.ids.next(), name: `${name} trunk`, trunkType: 'EDGE' } },
        phoneTrunkBases: [],
        selfUri: `${EDGE_GROUPS}/${id}`
      }
    })
    return id
  }

  listSites(query: URLSearchParams): EntityListing<Json> {
    return pageOf(this.filtered(this.sites, query), SITES, query)
  }

  getSite(id: string): Json {
    const site = this.sites.get(id)
    if (!site) throw notFound('Site', id)
    return structuredClone(site.json)
  }

  listEdgeGroups(query: URLSearchParams): EntityListing<Json> {
    return pageOf(this.filtered(this.edgeGroups, query), EDGE_GROUPS, query)
  }

  getEdgeGroup(id: string): Json {
    const group = this.edgeGroups.get(id)
    if (!group) throw notFound('Edge group', id)
    return structuredClone(group.json)
  }

  siteName(id: string): string | undefined {
    return this.sites.get(id)?.name
  }

  edgeGroupName(id: string): string | undefined {
    return this.edgeGroups.get(id)?.name
  }

  /** First site / edge group, for seeding the deployed solution. */
  firstIds(): { siteId?: string; edgeGroupId?: string } {
    const siteId = this.sites.keys().next().value
    const edgeGroupId = this.edgeGroups.keys().next().value
    return { ...(siteId ? { siteId } : {}), ...(edgeGroupId ? { edgeGroupId } : {}) }
  }

  private filtered(map: Map<string, TelephonyEntity>, query: URLSearchParams): Json[] {
    const matchName = nameFilter(query.get('name'))
    return [...map.values()]
      .filter((e) => matchName(e.name))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => structuredClone(e.json))
  }
}
