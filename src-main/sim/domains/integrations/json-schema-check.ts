/**
 * The input/output contract check the data-action service applies: required properties and JSON types of the
 * top-level properties (draft-04 `type`), so a phone number sent as a string to a `number` input fails as in Genesys.
 */

/** Returns the first violation as a sentence, or undefined when `value` satisfies `schema`. */
export function checkSchema(value: unknown, schema: unknown, where = 'input'): string | undefined {
  if (!isObject(schema)) return undefined
  const typeError = checkType(value, schema.type, where)
  if (typeError) return typeError
  if (!isObject(value)) return undefined
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (typeof name === 'string' && value[name] === undefined) return `${where}: the required property '${name}' is missing.`
    }
  }
  if (isObject(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties)) {
      if (value[name] === undefined || value[name] === null) continue
      const problem = checkSchema(value[name], sub, `${where}.${name}`)
      if (problem) return problem
    }
  }
  if (schema.additionalProperties === false && isObject(schema.properties)) {
    const known = Object.keys(schema.properties)
    const extra = Object.keys(value).find((k) => !known.includes(k))
    if (extra) return `${where}: the property '${extra}' is not allowed.`
  }
  return undefined
}

function checkType(value: unknown, type: unknown, where: string): string | undefined {
  const types = Array.isArray(type) ? type : typeof type === 'string' ? [type] : []
  if (types.length === 0 || value === undefined) return undefined
  const ok = types.some((t) => matches(value, String(t)))
  return ok ? undefined : `${where}: expected ${types.join(' or ')} but got ${describe(value)}.`
}

function matches(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'array':
      return Array.isArray(value)
    case 'object':
      return isObject(value)
    case 'null':
      return value === null
    default:
      return true
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
