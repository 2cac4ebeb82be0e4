/**
 * The JSONPath subset data-action translation maps use: `$.a.b`, `['a']`, `[0]`, `[-1]`, `[*]`, `..name` and
 * filters like `[?(@.purpose=='acd')]` or `[?(@.metric=="oWaiting")]`. Like Jayway, a definite path yields one value
 * (or nothing) and an indefinite one (wildcard, deep scan, filter) yields an array of matches.
 */

type Step =
  | { readonly kind: 'prop'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'deep'; readonly name: string }
  | { readonly kind: 'filter'; readonly path: string[]; readonly op: '==' | '!=' | 'exists'; readonly value?: unknown }

/** Whether a path matched, and what. */
export interface JsonPathResult {
  readonly found: boolean
  readonly value: unknown
}

/** Evaluates `path` against `doc`. Invalid paths are reported as not found. */
export function evaluateJsonPath(doc: unknown, path: string): JsonPathResult {
  let steps: Step[]
  try {
    steps = parse(path)
  } catch {
    return { found: false, value: undefined }
  }
  const definite = steps.every((s) => s.kind === 'prop' || s.kind === 'index')
  let current: unknown[] = [doc]
  for (const step of steps) current = current.flatMap((node) => apply(node, step))
  if (definite)
    return current.length > 0 && current[0] !== undefined
      ? { found: true, value: current[0] }
      : { found: false, value: undefined }
  return { found: current.length > 0, value: current }
}

function apply(node: unknown, step: Step): unknown[] {
  switch (step.kind) {
    case 'prop':
      return isObject(node) && step.name in node ? [node[step.name]] : []
    case 'index': {
      if (!Array.isArray(node)) return []
      const i = step.index < 0 ? node.length + step.index : step.index
      return i >= 0 && i < node.length ? [node[i]] : []
    }
    case 'wildcard':
      return Array.isArray(node) ? [...node] : isObject(node) ? Object.values(node) : []
    case 'deep':
      return deepScan(node, step.name)
    case 'filter': {
      const items = Array.isArray(node) ? node : isObject(node) ? Object.values(node) : []
      return items.filter((item) => {
        let v: unknown = item
        for (const p of step.path) v = isObject(v) ? v[p] : undefined
        if (step.op === 'exists') return v !== undefined
        return step.op === '==' ? v === step.value : v !== step.value
      })
    }
  }
}

function deepScan(node: unknown, name: string): unknown[] {
  const out: unknown[] = []
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(visit)
    else if (isObject(n)) {
      if (name === '*') out.push(...Object.values(n))
      else if (name in n) out.push(n[name])
      Object.values(n).forEach(visit)
    }
  }
  visit(node)
  return out
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function parse(path: string): Step[] {
  if (!path.startsWith('$')) throw new Error('JSONPath must start with $')
  const steps: Step[] = []
  let i = 1
  while (i < path.length) {
    if (path.startsWith('..', i)) {
      const m = /^[A-Za-z0-9_*-]+/.exec(path.slice(i + 2))
      if (!m) throw new Error('bad deep scan')
      steps.push({ kind: 'deep', name: m[0] })
      i += 2 + m[0].length
    } else if (path[i] === '.') {
      const m = /^(\*|[A-Za-z0-9_$-]+)/.exec(path.slice(i + 1))
      if (!m) throw new Error('bad property')
      steps.push(m[0] === '*' ? { kind: 'wildcard' } : { kind: 'prop', name: m[0] })
      i += 1 + m[0].length
    } else if (path[i] === '[') {
      const close = findClose(path, i)
      steps.push(bracket(path.slice(i + 1, close).trim()))
      i = close + 1
    } else {
      throw new Error(`unexpected '${path[i]}'`)
    }
  }
  return steps
}

function findClose(path: string, open: number): number {
  let depth = 0
  let quote: string | null = null
  for (let i = open; i < path.length; i++) {
    const c = path[i]
    if (quote) {
      if (c === quote) quote = null
    } else if (c === '"' || c === "'") quote = c
    else if (c === '[' || c === '(') depth++
    else if ((c === ']' || c === ')') && --depth === 0 && c === ']') return i
  }
  throw new Error('unclosed bracket')
}

function bracket(inner: string): Step {
  if (inner === '*') return { kind: 'wildcard' }
  if (/^-?\d+$/.test(inner)) return { kind: 'index', index: Number(inner) }
  const quoted = /^(['"])(.*)\1$/.exec(inner)
  if (quoted) return { kind: 'prop', name: quoted[2]! }
  const filter = /^\?\(\s*@\.([A-Za-z0-9_.]+)\s*(?:(==|!=)\s*(.+?))?\s*\)$/.exec(inner)
  if (filter) {
    const path = filter[1]!.split('.')
    if (!filter[2]) return { kind: 'filter', path, op: 'exists' }
    return { kind: 'filter', path, op: filter[2] as '==' | '!=', value: literal(filter[3]!) }
  }
  throw new Error(`unsupported bracket [${inner}]`)
}

function literal(text: string): unknown {
  const quoted = /^(['"])(.*)\1$/.exec(text.trim())
  if (quoted) return quoted[2]
  if (text === 'true') return true
  if (text === 'false') return false
  if (text === 'null') return null
  const n = Number(text)
  return Number.isNaN(n) ? text : n
}
