/**
 * CSV exactly as RFC 4180 writes it (comma separated, CRLF line ends, fields with a comma, quote, CR or LF
 * quoted and inner quotes doubled), written from the same table the page shows so an export always matches it.
 * Text cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) get a leading `'` (OWASP CSV
 * injection advice): caller names and typed reasons are foreign text. E.164 numbers (`+4420…`) are left as is.
 */
import { isE164 } from '../phone'
import type { HistoryCell, HistoryTable } from './history-views'

const NEEDS_QUOTES = /[",\r\n]/
const FORMULA_START = /^[=+\-@\t\r]/

/** UTF-8 byte order mark: lets spreadsheet apps read names and the mask dots as UTF-8. */
export const UTF8_BOM = '\uFEFF'

/** One field: numbers as written by JavaScript, text neutralised and quoted when needed, null as empty. */
export function csvField(value: HistoryCell, numeric = false): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = !numeric && FORMULA_START.test(value) && !isE164(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One record: fields joined by commas. */
export function csvRecord(values: readonly HistoryCell[], numeric: readonly boolean[] = []): string {
  return values.map((v, i) => csvField(v, numeric[i] ?? false)).join(',')
}

/** The table as CSV: a header record with the column labels, then one record per row, each ending in CRLF. */
export function tableToCsv(table: HistoryTable, options: { readonly bom?: boolean } = {}): string {
  const numeric = table.columns.map((c) => c.numeric)
  const lines = [csvRecord(table.columns.map((c) => c.label)), ...table.rows.map((r) => csvRecord(r.cells, numeric))]
  return (options.bom ? UTF8_BOM : '') + lines.map((l) => `${l}\r\n`).join('')
}
