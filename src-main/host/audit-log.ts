import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseAuditLine, toAuditLine, type AuditRecord } from '../core/audit'

/**
 * The append-only local audit log: one JSON line per action, one file per UTC day under `<data>/audit/`.
 * Writes are serialised so lines never interleave; a damaged line is skipped on read, never fatal.
 */
export class AuditLog {
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly dir: string,
    private readonly log: (line: string) => void
  ) {}

  append(record: AuditRecord): Promise<void> {
    const file = this.fileFor(record.at.slice(0, 10))
    this.queue = this.queue
      .then(async () => {
        await mkdir(this.dir, { recursive: true })
        await appendFile(file, toAuditLine(record) + '\n', { encoding: 'utf8', mode: 0o600 })
      })
      .catch((e: unknown) => this.log(`[AuditLog] could not write: ${e instanceof Error ? e.message : String(e)}`))
    return this.queue
  }

  /** Records of one UTC day (`YYYY-MM-DD`), oldest first. */
  async list(day: string): Promise<AuditRecord[]> {
    await this.queue
    let text: string
    try {
      text = await readFile(this.fileFor(day), 'utf8')
    } catch {
      return []
    }
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(parseAuditLine)
      .filter((r): r is AuditRecord => r !== null)
  }

  private fileFor(day: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`)
    return join(this.dir, `${day}.jsonl`)
  }
}
