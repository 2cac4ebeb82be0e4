/**
 * Method + `:param` path routing for the demo org. Static segments are indexed so a lookup costs one map
 * probe per segment, whatever the number of routes.
 */
import type { RouteOptions, SimHandler, SimRouter } from './types'

/** What a successful match hands the server. */
export interface RouteMatch {
  readonly handler: SimHandler
  readonly options: RouteOptions
  readonly params: Record<string, string>
  readonly pattern: string
}

/** Lookup result: a match, a path that exists under other methods (405), or nothing (404). */
export type RouteLookup =
  | { readonly kind: 'match'; readonly match: RouteMatch }
  | { readonly kind: 'method'; readonly allowed: readonly string[] }
  | { readonly kind: 'none' }

interface Node {
  readonly statics: Map<string, Node>
  param?: { readonly name: string; readonly node: Node }
  readonly handlers: Map<string, { handler: SimHandler; options: RouteOptions; pattern: string }>
}

function newNode(): Node {
  return { statics: new Map(), handlers: new Map() }
}

/** The router every route module registers on (`add`) and the server dispatches through (`lookup`). */
export class Router implements SimRouter {
  private readonly root = newNode()

  add(method: string, pattern: string, handler: SimHandler, options: RouteOptions = {}): void {
    let node = this.root
    for (const seg of split(pattern)) {
      if (seg.startsWith(':')) {
        const name = seg.slice(1)
        if (!node.param) node.param = { name, node: newNode() }
        else if (node.param.name !== name) {
          throw new Error(`[SimRouter] conflicting parameter names :${node.param.name} and :${name} in ${pattern}`)
        }
        node = node.param.node
      } else {
        let next = node.statics.get(seg)
        if (!next) {
          next = newNode()
          node.statics.set(seg, next)
        }
        node = next
      }
    }
    const m = method.toUpperCase()
    if (node.handlers.has(m)) throw new Error(`[SimRouter] duplicate route ${m} ${pattern}`)
    node.handlers.set(m, { handler, options, pattern })
  }

  lookup(method: string, path: string): RouteLookup {
    const params: Record<string, string> = {}
    const node = this.find(this.root, split(path), 0, params)
    if (!node || node.handlers.size === 0) return { kind: 'none' }
    const m = method.toUpperCase()
    const hit = node.handlers.get(m)
    if (hit) return { kind: 'match', match: { ...hit, params } }
    return { kind: 'method', allowed: [...node.handlers.keys()] }
  }

  /** Static segments win over parameters; backtracks when a static branch dead-ends. */
  private find(node: Node, segs: string[], i: number, params: Record<string, string>): Node | undefined {
    if (i === segs.length) return node
    const seg = segs[i]!
    const s = node.statics.get(seg)
    if (s) {
      const found = this.find(s, segs, i + 1, params)
      if (found && found.handlers.size > 0) return found
    }
    if (node.param) {
      let value: string
      try {
        value = decodeURIComponent(seg)
      } catch {
        return undefined
      }
      const found = this.find(node.param.node, segs, i + 1, params)
      if (found && found.handlers.size > 0) {
        params[node.param.name] = value
        return found
      }
    }
    return undefined
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0)
}
