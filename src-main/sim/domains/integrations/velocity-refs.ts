/** Reference parsing and the tool objects (`$esc`, `$successTemplateUtils`) for the Velocity subset. */

export type VelocityValue = string | number | boolean | null | VelocityValue[] | { [key: string]: VelocityValue }
/** Names a template can reference (`input`, translation-map values, `rawResult`). */
export type Scope = Record<string, unknown>

/** One `$…` reference as found in a template. */
export interface ParsedReference {
  readonly source: string
  readonly end: number
  readonly quiet: boolean
  readonly resolved: boolean
  readonly value: VelocityValue
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y

/** Reads a reference starting at `text[start] === '$'`; undefined when it is a plain dollar sign. */
export function readReference(text: string, start: number, scope: Scope): ParsedReference | undefined {
  let i = start + 1
  const quiet = text[i] === '!'
  if (quiet) i++
  const braced = text[i] === '{'
  if (braced) i++
  IDENT.lastIndex = i
  const head = IDENT.exec(text)
  if (!head) return undefined
  i = IDENT.lastIndex
  let value: unknown = lookup(scope, head[0])
  let resolved = value !== undefined
  for (;;) {
    if (text[i] === '.') {
      IDENT.lastIndex = i + 1
      const prop = IDENT.exec(text)
      if (!prop) break
      const after = IDENT.lastIndex
      if (text[after] === '(') {
        const close = matchParen(text, after)
        if (close < 0) break
        const args = parseArgs(text.slice(after + 1, close), scope)
        const call = resolved ? callMethod(value, prop[0], args) : undefined
        resolved = call !== undefined
        value = call
        i = close + 1
      } else {
        value = resolved ? property(value, prop[0]) : undefined
        resolved = value !== undefined
        i = after
      }
      continue
    }
    break
  }
  if (braced) {
    if (text[i] !== '}') return undefined
    i++
  }
  return {
    source: text.slice(start, i),
    end: i,
    quiet,
    resolved: resolved && value !== null,
    value: (value ?? null) as VelocityValue
  }
}

function lookup(scope: Scope, name: string): unknown {
  if (name in scope) return scope[name]
  if (name === 'esc') return ESC
  if (name === 'successTemplateUtils') return TEMPLATE_UTILS
  // The blueprint's "Add contact to contact list" URL uses `$Input.contactListId`; it ran in the author's org,
  // so the data-action service evidently resolves it: treat `Input` as `input`.
  if (name === 'Input' && 'input' in scope) return scope.input
  return undefined
}

function property(target: unknown, name: string): unknown {
  if (target === ESC && name === 'quote') return '"'
  if (target !== null && typeof target === 'object' && !Array.isArray(target)) return (target as Record<string, unknown>)[name]
  if (Array.isArray(target) && name === 'size') return target.length
  return undefined
}

const ESC = Object.freeze({ tool: 'esc' })
const TEMPLATE_UTILS = Object.freeze({ tool: 'successTemplateUtils' })

function callMethod(target: unknown, name: string, args: Array<VelocityValue | undefined>): unknown {
  const text = (v: VelocityValue | undefined): string =>
    v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v)
  if (target === ESC) {
    switch (name) {
      case 'jsonString':
        return JSON.stringify(text(args[0])).slice(1, -1)
      case 'json':
        return JSON.stringify(text(args[0])).slice(1, -1)
      case 'url':
      case 'uriEncode':
        return encodeURIComponent(text(args[0]))
      case 'quote':
        return `"${text(args[0])}"`
      default:
        return undefined
    }
  }
  if (target === TEMPLATE_UTILS && name === 'firstFromArray') {
    const raw = text(args[0])
    try {
      const parsed: unknown = JSON.parse(raw)
      if (Array.isArray(parsed)) return parsed.length > 0 ? JSON.stringify(parsed[0]) : text(args[1])
    } catch {
      // not JSON: fall through to the default
    }
    return raw === '' ? text(args[1]) : raw
  }
  if (typeof target === 'string') {
    if (name === 'toString') return target
    if (name === 'length') return target.length
    if (name === 'replace' && args.length === 2) return target.split(text(args[0])).join(text(args[1]))
  }
  return undefined
}

function matchParen(text: string, open: number): number {
  let depth = 0
  let quote: string | null = null
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = null
      continue
    }
    if (c === '"' || c === "'") quote = c
    else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  return -1
}

/** Splits and evaluates a comma-separated argument list: "interpolated", 'literal', numbers, booleans, refs. */
export function parseArgs(text: string, scope: Scope): Array<VelocityValue | undefined> {
  const values: Array<VelocityValue | undefined> = []
  let i = 0
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === ',') i++
    if (i >= text.length) break
    const c = text[i]!
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1)
      const body = text.slice(i + 1, close < 0 ? undefined : close)
      values.push(c === '"' ? interpolate(body, scope) : body)
      i = close < 0 ? text.length : close + 1
    } else if (c === '$') {
      const ref = readReference(text, i, scope)
      if (!ref) break
      values.push(ref.resolved ? ref.value : undefined)
      i = ref.end
    } else {
      const m = /^[^,\s)]+/.exec(text.slice(i))
      const token = m ? m[0] : text.slice(i)
      values.push(token === 'true' ? true : token === 'false' ? false : Number.isNaN(Number(token)) ? token : Number(token))
      i += token.length
    }
  }
  return values
}

function interpolate(body: string, scope: Scope): string {
  let out = ''
  for (let i = 0; i < body.length;) {
    if (body[i] === '$') {
      const ref = readReference(body, i, scope)
      if (ref) {
        out += ref.resolved
          ? typeof ref.value === 'string'
            ? ref.value
            : JSON.stringify(ref.value)
          : ref.quiet
            ? ''
            : ref.source
        i = ref.end
        continue
      }
    }
    out += body[i]
    i++
  }
  return out
}
