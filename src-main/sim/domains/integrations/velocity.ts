/**
 * The Velocity subset Genesys data actions use in `requestUrlTemplate`, `requestTemplate` and `successTemplate`:
 * `${ref}`, `$ref`, quiet `$!{ref}`, property chains, `$esc.jsonString(…)`, `$esc.quote`, `$esc.url(…)`,
 * `$esc.uriEncode(…)`, `$successTemplateUtils.firstFromArray(…)`, and `#if/#elseif/#else/#end`. As in Velocity, an
 * unresolved non-quiet reference renders as its own text, which is how a wrong template visibly misbehaves.
 */
import { parseArgs, readReference, type Scope, type VelocityValue } from './velocity-refs'

/** Renders `template` with `scope` (e.g. `{input: {...}}` or translation-map values). */
export function renderVelocity(template: string, scope: Scope): string {
  return renderBlock(template, scope)
}

function renderBlock(text: string, scope: Scope): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '#' && text.startsWith('#if(', i)) {
      const { rendered, end } = renderIf(text, i, scope)
      out += rendered
      i = end
      continue
    }
    if (ch === '$') {
      const ref = readReference(text, i, scope)
      if (ref) {
        out += ref.resolved ? stringify(ref.value) : ref.quiet ? '' : ref.source
        i = ref.end
        continue
      }
    }
    out += ch
    i++
  }
  return out
}

/** Velocity's text form of a value: strings as-is, integers without a fraction, objects as JSON. */
export function stringify(value: VelocityValue): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value)
  if (typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

interface Branch {
  readonly condition: string | null
  readonly body: string
}

function renderIf(text: string, start: number, scope: Scope): { rendered: string; end: number } {
  const branches: Branch[] = []
  let condition: string | null = readParenthesised(text, start + 3)
  let pos = start + 3 + condition.length + 2
  let depth = 0
  let bodyStart = pos
  const directive = /#(if\(|elseif\(|else\b|\{else\}|end\b|\{end\})/g
  directive.lastIndex = pos
  for (let m = directive.exec(text); m; m = directive.exec(text)) {
    const kind = m[1]!
    if (kind === 'if(') {
      depth++
      continue
    }
    if (depth > 0) {
      if (kind.startsWith('end') || kind === '{end}') depth--
      continue
    }
    branches.push({ condition, body: text.slice(bodyStart, m.index) })
    if (kind === 'elseif(') {
      condition = readParenthesised(text, m.index + 7)
      pos = m.index + 7 + condition.length + 2
    } else if (kind.startsWith('else') || kind === '{else}') {
      condition = null
      pos = m.index + m[0].length
    } else {
      const chosen = branches.find((b) => b.condition === null || evaluate(b.condition, scope))
      return { rendered: chosen ? renderBlock(chosen.body, scope) : '', end: m.index + m[0].length }
    }
    bodyStart = pos
    directive.lastIndex = pos
  }
  // No #end: Velocity would fail to parse; render the text untouched so the mistake is visible.
  return { rendered: text.slice(start), end: text.length }
}

function readParenthesised(text: string, open: number): string {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i)
  }
  return text.slice(open + 1)
}

/** Conditions: `$ref`, `!$ref`, `$ref == "x"`, `$ref != "x"`, joined by `&&` / `||`. */
function evaluate(condition: string, scope: Scope): boolean {
  if (condition.includes('||')) return condition.split('||').some((c) => evaluate(c, scope))
  if (condition.includes('&&')) return condition.split('&&').every((c) => evaluate(c, scope))
  const trimmed = condition.trim()
  const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(trimmed)
  if (comparison) {
    const [left, right] = [operand(comparison[1]!, scope), operand(comparison[3]!, scope)]
    return comparison[2] === '==' ? left === right : left !== right
  }
  if (trimmed.startsWith('!')) return !evaluate(trimmed.slice(1), scope)
  const value = operand(trimmed, scope)
  return value !== undefined && value !== null && value !== false && value !== ''
}

function operand(text: string, scope: Scope): VelocityValue | undefined {
  const args = parseArgs(text.trim(), scope)
  return args[0]
}
