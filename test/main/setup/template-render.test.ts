import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { ACTION_PLACEHOLDERS, FLOW_PLACEHOLDERS, templateProblems } from '../../../src-main/core/setup/desired-state'
import { materialize } from '../../../src-main/core/setup/materialize'
import { escapeQuoted, placeholdersIn, renderTemplate } from '../../../src-main/core/setup/template-render'
import { desired, fakeId, templates } from './fixtures'

const known = ['name', 'id']

describe('renderTemplate', () => {
  it('substitutes every placeholder, including repeated and spaced ones', () => {
    const r = renderTemplate(
      'a: "{{name}}" b: "{{ id }}" c: "{{name}}"',
      { name: 'Queue', id: 'q-1' },
      { known, escape: 'quoted' }
    )
    expect(r).toEqual({ ok: true, text: 'a: "Queue" b: "q-1" c: "Queue"' })
  })

  it('refuses a placeholder it does not know, naming it', () => {
    const r = renderTemplate('x: "{{name}}" y: "{{surprise}}"', { name: 'n' }, { known, escape: 'quoted' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ code: 'unknown-placeholder', names: ['surprise'] })
  })

  it('refuses a known placeholder without a value (or with an empty one)', () => {
    const missing = renderTemplate('"{{name}}" "{{id}}"', { name: 'n' }, { known, escape: 'quoted' })
    expect(missing.ok || missing.error).toMatchObject({ code: 'missing-value', names: ['id'] })
    const empty = renderTemplate('"{{name}}"', { name: '' }, { known, escape: 'quoted' })
    expect(empty.ok).toBe(false)
  })

  it('refuses malformed placeholders instead of leaving braces in the file', () => {
    expect(renderTemplate('"{{na me}}"', { name: 'x' }, { known, escape: 'quoted' })).toMatchObject({
      ok: false,
      error: { code: 'malformed-placeholder' }
    })
    expect(renderTemplate('"{{name"', { name: 'x' }, { known, escape: 'quoted' })).toMatchObject({
      ok: false,
      error: { code: 'malformed-placeholder' }
    })
  })

  it('ignores values the template does not use (one value set serves every template)', () => {
    expect(renderTemplate('"{{name}}"', { name: 'x', id: 'unused' }, { known, escape: 'quoted' })).toEqual({
      ok: true,
      text: '"x"'
    })
  })

  it('escapes values for a quoted JSON / YAML string: quotes, backslashes, newlines, control characters', () => {
    const hostile = 'O"Hara \\ Care\nline2\ttab\u0001'
    const json = renderTemplate('{"n": "{{name}}"}', { name: hostile }, { known, escape: 'quoted' })
    expect(json.ok && JSON.parse(json.text)).toEqual({ n: hostile })
    const yaml = renderTemplate('n: "{{name}}"\n', { name: hostile }, { known, escape: 'quoted' })
    expect(yaml.ok && parseYaml(yaml.text)).toEqual({ n: hostile })
    expect(escapeQuoted('a"b')).toBe('a\\"b')
  })

  it('inserts raw values verbatim in raw mode', () => {
    expect(renderTemplate('{{name}}', { name: 'a"b' }, { known, escape: 'raw' })).toEqual({ ok: true, text: 'a"b' })
  })

  it('lists placeholders in first-use order without duplicates', () => {
    expect(placeholdersIn('{{b}} {{a}} {{b}}')).toEqual(['b', 'a'])
  })
})

describe('the shipped templates', () => {
  it('use only placeholders setup provides', () => {
    expect(templateProblems(templates())).toEqual([])
    const used = new Set(Object.values(templates().flows).flatMap(placeholdersIn))
    for (const p of used) expect(FLOW_PLACEHOLDERS).toContain(p)
    for (const text of Object.values(templates().actions))
      for (const p of placeholdersIn(text)) expect(ACTION_PLACEHOLDERS).toContain(p)
  })

  it('reject a template edited to use an unknown placeholder', () => {
    const t = templates()
    const broken = { ...t, flows: { ...t.flows, inbound: `${t.flows.inbound}\n# {{nobodyKnowsMe}}\n` } }
    expect(templateProblems(broken)).toEqual(['flow inbound uses an unknown placeholder {{nobodyKnowsMe}}'])
  })

  it('reject a flow template reformatted to single-quoted scalars (its values would not be escaped right)', () => {
    const t = templates()
    const reformatted = {
      ...t,
      flows: { ...t.flows, outbound: t.flows.outbound.replace('name: "{{flowName}}"', "name: '{{flowName}}'") }
    }
    expect(templateProblems(reformatted)).toEqual([
      'flow outbound has a placeholder inside a single-quoted scalar; keep placeholders in double quotes'
    ])
  })

  it('render to valid YAML / JSON with every id substituted, even with a hostile target-queue name', () => {
    const state = desired()
    const hostile = {
      ...state,
      objects: state.objects.map((o) =>
        o.spec.kind === 'flow'
          ? { ...o, spec: { ...o.spec, values: { ...o.spec.values, targetQueueName: 'Care "VIP": #1 \\ {x}' } } }
          : o
      )
    }
    const ids = Object.fromEntries(hostile.objects.map((o) => [o.key, fakeId(o.key)]))
    for (const o of hostile.objects) {
      const m = materialize(o, ids)
      expect(m.status, o.key).toBe('ready')
      if (m.status !== 'ready') continue
      if (m.flow) {
        expect(m.flow.yaml).not.toMatch(/\{\{/)
        const doc = parseYaml(m.flow.yaml) as Record<string, Record<string, unknown>>
        const body = Object.values(doc)[0]!
        expect(body.name).toBe(o.name)
        if (o.key === 'flow:inQueue') {
          const handling = (
            body.settingsErrorHandling as { errorHandling: { queue: { targetQueue: { lit: { name: string } } } } }
          ).errorHandling
          expect(handling.queue.targetQueue.lit.name).toBe('Care "VIP": #1 \\ {x}')
        }
      }
    }
  })
})
