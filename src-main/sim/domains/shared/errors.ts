/** Genesys-shaped error constructors shared by the outbound, integrations and Architect domains. */
import { SimHttpError } from '../../http/types'

/** 404 with Genesys' generic code, naming what was missing. */
export function notFound(what: string, id: string): SimHttpError {
  return new SimHttpError(404, 'not.found', `${what} ${id} was not found.`)
}

/** 400 for a body that is missing a field or has a wrong type. */
export function badRequest(message: string, code = 'bad.request'): SimHttpError {
  return new SimHttpError(400, code, message)
}

/** 400 `invalid.create`, the outbound API's wording for a bad create. */
export function invalidCreate(entity: string, details: string): SimHttpError {
  return new SimHttpError(
    400,
    'invalid.create',
    `An attempt was made to create a ${entity} in an invalid way. Details: ${details}`
  )
}

/** 400 `invalid.update`, e.g. "Invalid transition from <COMPLETE> to <OFF>" (blueprint.md §10). */
export function invalidUpdate(entity: string, details: string): SimHttpError {
  return new SimHttpError(
    400,
    'invalid.update',
    `An attempt was made to update a ${entity} in an invalid way. Details: ${details}`
  )
}

/** 409 when a PUT carries a stale `version`. */
export function versionConflict(): SimHttpError {
  return new SimHttpError(
    409,
    'conflict',
    'The version number of the modified resource must match the version number in the database.'
  )
}

/** 409 when an object is still referenced (e.g. deleting a contact list a campaign uses). */
export function inUse(what: string, by: string): SimHttpError {
  return new SimHttpError(409, 'conflict', `${what} is in use by ${by} and cannot be deleted.`)
}
