/**
 * Every Genesys Cloud region the SDK knows (`platformClient.PureCloudRegionHosts`), with the names people use
 * for them, so the sign-in screen offers exactly the regions the SDK can reach — new SDK regions appear with a
 * generic label instead of being missing.
 */
import platformClient from 'purecloud-platform-client-v2'
import type { RegionView } from '../contract/live-views'

const LABELS: Readonly<Record<string, string>> = {
  us_east_1: 'Americas (US East)',
  us_east_2: 'Americas (US East 2, FedRAMP)',
  us_west_2: 'Americas (US West)',
  ca_central_1: 'Americas (Canada)',
  sa_east_1: 'Americas (São Paulo)',
  mx_central_1: 'Americas (Mexico)',
  eu_west_1: 'EMEA (Dublin)',
  eu_west_2: 'EMEA (London)',
  eu_central_1: 'EMEA (Frankfurt)',
  eu_central_2: 'EMEA (Zurich)',
  eusc_de_east_1: 'EMEA (EU Sovereign Cloud, Germany)',
  me_central_1: 'EMEA (UAE)',
  ap_south_1: 'Asia Pacific (Mumbai)',
  ap_southeast_1: 'Asia Pacific (Jakarta)',
  ap_southeast_2: 'Asia Pacific (Sydney)',
  ap_northeast_1: 'Asia Pacific (Tokyo)',
  ap_northeast_2: 'Asia Pacific (Seoul)',
  ap_northeast_3: 'Asia Pacific (Osaka)'
}

/** The SDK's region table (key → environment host such as `mypurecloud.ie`). */
export function sdkRegionHosts(): Readonly<Record<string, string>> {
  return platformClient.PureCloudRegionHosts
}

/** Every region the SDK knows, labelled and sorted by label. */
export function listRegions(): RegionView[] {
  return Object.entries(sdkRegionHosts())
    .map(([id, host]) => ({ id, host, label: `${LABELS[id] ?? id.replace(/_/g, '-')} — ${host}` }))
    .sort((a, b) => a.label.localeCompare(b.label))
}

/** One region by SDK key, or null for an unknown key. */
export function findRegion(id: string): RegionView | null {
  return listRegions().find((r) => r.id === id) ?? null
}
