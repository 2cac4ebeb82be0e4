/** Integration and credential types the demo org offers (a small slice of `GET /api/v2/integrations/types`). */
import type { Json } from '../shared/body'

/** The type the callback solution installs. */
export const DATA_ACTIONS_TYPE = 'purecloud-data-actions'

const TYPES: readonly Json[] = [
  {
    id: DATA_ACTIONS_TYPE,
    name: 'Genesys Cloud Data Actions',
    description: 'Use data actions to call Genesys Cloud Platform API endpoints from flows and scripts.',
    provider: 'genesys',
    category: 'Data Actions',
    credentials: {
      pureCloudOAuthClient: { title: 'OAuth client credentials', required: true, credentialTypes: ['pureCloudOAuthClient'] }
    },
    nonInstallable: false,
    maxInstances: 50,
    userPermissions: ['integrations:integration:view'],
    helpUri: 'https://help.mypurecloud.com/?p=144553'
  },
  {
    id: 'custom-rest-actions',
    name: 'Web Services Data Actions',
    description: 'Call web services from flows and scripts.',
    provider: 'genesys',
    category: 'Data Actions',
    credentials: {
      basicAuth: { title: 'Credentials', required: false, credentialTypes: ['basicAuth', 'userDefinedOAuth', 'userDefined'] }
    },
    nonInstallable: false,
    maxInstances: 50
  },
  {
    id: 'embedded-client-app',
    name: 'Client Application',
    description: 'Embed an application in the Genesys Cloud UI.',
    provider: 'genesys',
    category: 'Client Apps',
    nonInstallable: false,
    maxInstances: 100
  }
].map((t) => ({ ...t, selfUri: `/api/v2/integrations/types/${String(t.id)}` }))

const CREDENTIAL_TYPES: readonly Json[] = [
  {
    id: 'pureCloudOAuthClient',
    name: 'pureCloudOAuthClient',
    properties: {
      clientId: { type: 'string', title: 'Client ID' },
      clientSecret: { type: 'string', title: 'Client Secret', secret: true }
    },
    displayOrder: ['clientId', 'clientSecret'],
    required: ['clientId', 'clientSecret']
  },
  {
    id: 'basicAuth',
    name: 'basicAuth',
    properties: { userName: { type: 'string' }, password: { type: 'string', secret: true } },
    displayOrder: ['userName', 'password'],
    required: ['userName', 'password']
  },
  {
    id: 'userDefinedOAuth',
    name: 'userDefinedOAuth',
    properties: { clientId: { type: 'string' }, clientSecret: { type: 'string', secret: true }, loginUrl: { type: 'string' } },
    displayOrder: ['clientId', 'clientSecret', 'loginUrl'],
    required: ['clientId', 'clientSecret', 'loginUrl']
  }
]

/** All integration types (`GET /integrations/types`). */
/** One integration type, or undefined. */
export function integrationTypes(): Json[] {
  return TYPES.map((t) => structuredClone(t))
}

export function integrationType(id: string): Json | undefined {
  const found = TYPES.find((t) => t.id === id)
  return found ? structuredClone(found) : undefined
}

/** All credential types (`GET /integrations/credentials/types`). */
/** One credential type, or undefined. */
export function credentialTypes(): Json[] {
  return CREDENTIAL_TYPES.map((t) => structuredClone(t))
}

export function credentialType(name: string): Json | undefined {
  const found = CREDENTIAL_TYPES.find((t) => t.name === name)
  return found ? structuredClone(found) : undefined
}
