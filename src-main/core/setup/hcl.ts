/**
 * Just enough HCL (Terraform native syntax) to write the CX-as-Code export: quoted strings with Terraform's
 * template sequences escaped (`${` → `$${`, which the provider docs require for data-action templates), and
 * JSON values as HCL object / tuple constructors.
 */

/** A bare HCL expression (a resource reference, `var.x`, a function call), written unquoted. */
export interface HclExpr {
  readonly hcl: string
}

/** Marks text as an expression rather than a string. */
export function expr(hcl: string): HclExpr {
  return { hcl }
}

/** HCL value: JSON plus expressions. */
export type HclValue = string | number | boolean | null | HclExpr | readonly HclValue[] | { readonly [key: string]: HclValue }

function isExpr(v: unknown): v is HclExpr {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { hcl?: unknown }).hcl === 'string' &&
    Object.keys(v).length === 1
  )
}

/** A double-quoted HCL string literal. */
export function hclString(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{')
  return `"${body}"`
}

/** Renders any value; objects use quoted keys so JSON keys like `disposition.classification.x` stay intact. */
export function hclValue(value: HclValue, indent = ''): string {
  if (isExpr(value)) return value.hcl
  if (typeof value === 'string') return hclString(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === null) return 'null'
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[\n${value.map((v: HclValue) => `${inner}${hclValue(v, inner)}`).join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value as Record<string, HclValue>)
  if (entries.length === 0) return '{}'
  return `{\n${entries.map(([k, v]) => `${inner}${hclString(k)} = ${hclValue(v, inner)}`).join('\n')}\n${indent}}`
}

/** A block body: `key = value` attributes and nested blocks (an array value of objects = repeated blocks). */
export interface HclBlock {
  readonly [key: string]: HclValue | HclBlockList | undefined
}

/** Nested blocks, e.g. `phone_columns { ... }` repeated. */
export interface HclBlockList {
  readonly blocks: readonly HclBlock[]
}

/** Wraps nested blocks. */
export function blocks(...items: HclBlock[]): HclBlockList {
  return { blocks: items }
}

function isBlockList(v: unknown): v is HclBlockList {
  return typeof v === 'object' && v !== null && Array.isArray((v as { blocks?: unknown }).blocks)
}

/** Renders `type "label" "label" { ... }`. */
export function hclBlock(header: string, body: HclBlock, indent = ''): string {
  const inner = `${indent}  `
  const lines: string[] = []
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue
    if (isBlockList(value)) for (const b of value.blocks) lines.push(hclBlock(key, b, inner))
    else lines.push(`${inner}${key} = ${hclValue(value, inner)}`)
  }
  return `${indent}${header} {\n${lines.join('\n')}\n${indent}}`
}
