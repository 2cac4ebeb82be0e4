import { describe, expect, it } from 'vitest'
import { UTF8_BOM, csvField, tableToCsv } from '../../../src-main/core/history/csv'
import { buildHistoryReport, buildHistoryTable } from '../../../src-main/core/history/history-report'
import type { HistoryTable } from '../../../src-main/core/history/history-views'
import { daySource } from './day-fixture'

/** A minimal RFC 4180 reader, written independently of the writer, to round-trip exports. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  const endField = () => {
    record.push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') endField()
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField()
      records.push(record)
      record = []
      i++
    } else field += ch
  }
  if (field !== '' || record.length > 0) throw new Error('last record not terminated by CRLF')
  return records
}

describe('csv fields (RFC 4180)', () => {
  it('quotes fields with commas, quotes, CR or LF and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
    expect(csvField(null)).toBe('')
    expect(csvField(-3.5, true)).toBe('-3.5')
    expect(csvField(Number.NaN, true)).toBe('')
  })

  it('neutralises text a spreadsheet would run as a formula, but not numbers or E.164 numbers', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('-2+3')).toBe("'-2+3")
    expect(csvField('+cmd|calc')).toBe("'+cmd|calc")
    expect(csvField('+442079460018')).toBe('+442079460018')
    expect(csvField('-17', true)).toBe('-17')
  })
})

describe('table exports', () => {
  const source = daySource()
  const report = buildHistoryReport(source)

  const cellsAsText = (table: HistoryTable) => table.rows.map((r) => r.cells.map((c) => (c === null ? '' : String(c))))

  it('writes a header and every row of the table, CRLF-terminated, with an optional BOM', () => {
    for (const table of [
      report.volumes[15].table,
      report.outcomes.table,
      report.punctuality.table,
      report.attempts.table,
      report.busiest[60].table
    ]) {
      const csv = tableToCsv(table)
      const parsed = parseCsv(csv)
      expect(parsed[0]).toEqual(table.columns.map((c) => c.label))
      expect(parsed.slice(1)).toEqual(cellsAsText(table))
    }
    expect(tableToCsv(report.attempts.table, { bom: true }).startsWith(UTF8_BOM + 'Dial attempts,')).toBe(true)
  })

  it('masks numbers unless full numbers were chosen, and changes nothing else', () => {
    const masked = buildHistoryTable(source, 'outcomes', 60, 'masked')
    const full = buildHistoryTable(source, 'outcomes', 60, 'full')
    expect(masked).toEqual(report.outcomes.table)
    const numberColumn = masked.columns.findIndex((c) => c.label === 'Callback number')
    expect(masked.rows.every((r) => /^•••• \d{4}$/.test(String(r.cells[numberColumn])))).toBe(true)
    expect(full.rows.map((r) => r.cells[numberColumn])).toContain('+442079460007')
    expect(full.rows.map((r) => r.cells.filter((_, i) => i !== numberColumn))).toEqual(
      masked.rows.map((r) => r.cells.filter((_, i) => i !== numberColumn))
    )
    expect(tableToCsv(masked)).not.toMatch(/\+4420794600/)
    expect(tableToCsv(buildHistoryTable(source, 'punctuality', 60, 'full'))).toMatch(/\+442079460001/)
  })

  it('rebuilds each non-phone table exactly as the report shows it', () => {
    expect(buildHistoryTable(source, 'volumes', 30, 'full')).toEqual(report.volumes[30].table)
    expect(buildHistoryTable(source, 'busiest', 15, 'full')).toEqual(report.busiest[15].table)
    expect(buildHistoryTable(source, 'attempts', 15, 'full')).toEqual(report.attempts.table)
    expect(buildHistoryTable(source, 'punctuality', 15, 'masked')).toEqual(report.punctuality.table)
  })
})
