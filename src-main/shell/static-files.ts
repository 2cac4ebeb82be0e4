import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8'
}

export interface StaticFile {
  readonly body: Buffer
  readonly contentType: string
}

/**
 * Reads a file of the built renderer. The relative path comes from a URL, so it is decoded and confined to
 * `root`: anything that resolves outside it (`..`, encoded slashes, absolute paths) is treated as missing.
 */
export async function readStaticFile(root: string, relativeUrlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(relativeUrlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const rootResolved = resolve(root)
  const target = resolve(rootResolved, '.' + sep + (decoded === '' ? 'index.html' : decoded))
  if (target !== rootResolved && !target.startsWith(rootResolved + sep)) return null
  try {
    const info = await stat(target)
    if (!info.isFile()) return null
    const body = await readFile(target)
    return { body, contentType: CONTENT_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}
