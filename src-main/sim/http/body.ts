/**
 * Request body reading for the demo org: size-capped, JSON or form, and every malformed input becomes a
 * Genesys-shaped 400/413 instead of a crash.
 */
import type { IncomingMessage } from 'node:http'
import { SimHttpError } from './types'

/** Genesys' `request.bytes.max` default. */
export const DEFAULT_MAX_BODY_BYTES = 512_000

/** Reads the raw body, rejecting with 413 once `maxBytes` is exceeded (the rest is drained, not buffered). */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN)
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume()
      reject(tooLarge(maxBytes))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > maxBytes) {
        failed = true
        chunks.length = 0
        reject(tooLarge(maxBytes))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks))
    })
    req.on('error', (e: unknown) => {
      if (!failed) {
        failed = true
        reject(e)
      }
    })
  })
}

/** Parses a body by content type. JSON errors become 400 `bad.request`. */
export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  const text = raw.toString('utf8')
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text))
  if (type === '' || type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(text) as unknown
    } catch {
      throw new SimHttpError(400, 'bad.request', 'The request could not be understood by the server due to malformed syntax.')
    }
  }
  // Other types (e.g. YAML uploads) are handed over as text.
  return text
}

function tooLarge(maxBytes: number): SimHttpError {
  return new SimHttpError(
    413,
    'request.entity.too.large',
    `The request is too large. The maximum request size is ${maxBytes} bytes.`
  )
}
