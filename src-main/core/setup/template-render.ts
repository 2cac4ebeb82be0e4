/**
 * `{{placeholder}}` substitution for the flow YAML and data-action JSON templates guided setup deploys. The
 * blueprint hard-coded ids from its author's org and its deployer did blind text replaces; here every id is a
 * named placeholder, a template that names one we do not know (or leaves one without a value) is refused, and
 * every value is escaped for the double-quoted string it lands in, so a quote in a queue name cannot break a file.
 */

/** Why a template could not be rendered. */
export interface TemplateError {
  readonly code: 'malformed-placeholder' | 'unknown-placeholder' | 'missing-value'
  readonly message: string
  /** Placeholder names involved, sorted. */
  readonly names: readonly string[]
}

/** The rendered text, or why it could not be rendered. */
export type RenderResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: TemplateError }

/**
 * How values are escaped: `quoted` = for a JSON string or a YAML double-quoted scalar (both take JSON escapes);
 * `raw` = inserted verbatim (only for plain text such as the CSV header, never for ids typed by people).
 */
export type TemplateEscape = 'quoted' | 'raw'

const NAME = /^[A-Za-z][A-Za-z0-9]*$/
const TOKEN = /\{\{([^{}]*)\}\}/g

/** The placeholder names a template uses, in first-use order (malformed ones included as written). */
export function placeholdersIn(template: string): string[] {
  const seen = new Set<string>()
  for (const m of template.matchAll(TOKEN)) seen.add(m[1]!.trim())
  return [...seen]
}

/** Escapes a value for the inside of a JSON string / YAML double-quoted scalar. */
export function escapeQuoted(value: string): string {
  return JSON.stringify(value).slice(1, -1)
}

/**
 * Renders `template` with `values`. `known` is the full set of placeholder names the caller understands; a
 * placeholder outside it is `unknown-placeholder`, one inside it without a non-empty value is `missing-value`.
 * Values for placeholders the template does not use are fine (one value set serves every template).
 */
export function renderTemplate(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  options: { readonly known: ReadonlySet<string> | readonly string[]; readonly escape: TemplateEscape }
): RenderResult {
  const known = options.known instanceof Set ? options.known : new Set(options.known as readonly string[])
  const used = placeholdersIn(template)
  const malformed = used.filter((n) => !NAME.test(n))
  if (malformed.length > 0 || /\{\{(?![^{}]*\}\})/.test(template)) {
    const names = malformed.length > 0 ? malformed : ['{{']
    return fail(
      'malformed-placeholder',
      `The template has a malformed placeholder (${names.join(', ')}); use {{name}} with letters and digits only.`,
      names
    )
  }
  const unknown = used.filter((n) => !known.has(n))
  if (unknown.length > 0) {
    return fail(
      'unknown-placeholder',
      `The template uses placeholders setup does not provide: ${sorted(unknown).join(', ')}.`,
      unknown
    )
  }
  const missing = used.filter((n) => values[n] === undefined || values[n] === '')
  if (missing.length > 0) return fail('missing-value', `No value for: ${sorted(missing).join(', ')}.`, missing)
  const text = template.replace(TOKEN, (_all, raw: string) => {
    const value = values[raw.trim()]!
    return options.escape === 'quoted' ? escapeQuoted(value) : value
  })
  return { ok: true, text }
}

function sorted(names: readonly string[]): string[] {
  return [...names].sort()
}

function fail(code: TemplateError['code'], message: string, names: readonly string[]): RenderResult {
  return { ok: false, error: { code, message, names: sorted(names) } }
}
