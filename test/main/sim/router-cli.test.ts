import { describe, expect, it } from 'vitest'
import { parseArgs } from '../../../src-main/sim/cli'
import { Router } from '../../../src-main/sim/http/router'
import { permissionMatches } from '../../../src-main/sim/auth/permissions'

describe('Router', () => {
  it('matches :params, prefers static segments and reports other methods', () => {
    const r = new Router()
    const h = () => ({ status: 200 })
    r.add('GET', '/api/v2/conversations/:conversationId', h)
    r.add('GET', '/api/v2/conversations/callbacks', h)
    r.add('PATCH', '/api/v2/conversations/callbacks/:conversationId', h)
    const a = r.lookup('GET', '/api/v2/conversations/callbacks')
    expect(a.kind === 'match' && a.match.pattern).toBe('/api/v2/conversations/callbacks')
    const b = r.lookup('GET', '/api/v2/conversations/abc%20d')
    expect(b.kind === 'match' && b.match.params).toEqual({ conversationId: 'abc d' })
    expect(r.lookup('DELETE', '/api/v2/conversations/callbacks').kind).toBe('method')
    expect(r.lookup('GET', '/api/v2/other').kind).toBe('none')
    expect(() => r.add('GET', '/api/v2/conversations/callbacks', h)).toThrow(/duplicate/)
  })
})

describe('permissions', () => {
  it('matches wildcards per segment', () => {
    expect(permissionMatches('*', 'routing:queue:add')).toBe(true)
    expect(permissionMatches('*:*:view', 'routing:queue:view')).toBe(true)
    expect(permissionMatches('*:*:view', 'routing:queue:add')).toBe(false)
    expect(permissionMatches('routing:*:*', 'routing:queue:edit')).toBe(true)
  })
})

describe('CLI arguments', () => {
  it('parses the documented flags and rejects bad ones', () => {
    expect(parseArgs(['--port', '8080', '--seed=7', '--speed', '5', '--empty', '--flows', 'blueprint'])).toEqual({
      port: 8080,
      seed: 7,
      speed: 5,
      empty: true,
      flows: 'blueprint'
    })
    expect(parseArgs([])).toEqual({})
    expect(parseArgs(['--flows', 'theirs'])).toHaveProperty('error')
    expect(parseArgs(['--speed', '0'])).toHaveProperty('error')
    expect(parseArgs(['--bogus'])).toHaveProperty('error')
  })
})
