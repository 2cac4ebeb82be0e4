/**
 * Hand-written SVG for the README: mean absolute error per scenario (groups) and policy (bars), on a square-root
 * scale so our tens of seconds and the blueprint's minutes fit one chart. No dependencies, deterministic output.
 */
import type { PolicySpec } from './timing-policies'
import type { TimingScenario } from './timing-scenarios'
import type { TimingRecord } from './timing-score'

const COLORS = ['#b03a2e', '#e59866', '#7b241c', '#5d6d7e', '#85929e', '#aab7b8', '#1e8449']
const WIDTH = 980
const HEIGHT = 420
const M = { top: 48, right: 16, bottom: 86, left: 56 }

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The chart as an SVG document. */
export function timingChartSvg(
  records: readonly TimingRecord[],
  scenarios: readonly TimingScenario[],
  policies: readonly PolicySpec[]
): string {
  const plotW = WIDTH - M.left - M.right
  const plotH = HEIGHT - M.top - M.bottom
  const values = records.map((r) => r.maeSeconds).filter(Number.isFinite)
  const max = Math.max(60, ...values)
  const ticks = [0, 15, 30, 60, 120, 240, 480, 960, 1920].filter((t) => t <= max * 1.05)
  const y = (v: number): number => M.top + plotH - (Math.sqrt(Math.max(0, v)) / Math.sqrt(max)) * plotH
  const groupW = plotW / scenarios.length
  const barW = (groupW * 0.84) / policies.length
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${M.left}" y="20" font-size="14" font-weight="bold">Callback timing: mean absolute error vs the counterfactual hold time (first-attempt answers)</text>`,
    `<text x="${M.left}" y="36" fill="#555">seconds, square-root scale; lower is better</text>`
  ]
  for (const t of ticks) {
    out.push(`<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/>`)
    out.push(`<text x="${M.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" fill="#555">${t}</text>`)
  }
  scenarios.forEach((s, gi) => {
    const x0 = M.left + gi * groupW + groupW * 0.08
    policies.forEach((p, pi) => {
      const r = records.find((rec) => rec.scenario === s.id && rec.policy === p.id)
      if (!r || !Number.isFinite(r.maeSeconds)) return
      const x = x0 + pi * barW
      const top = y(r.maeSeconds)
      out.push(
        `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(M.top + plotH - top).toFixed(1)}" fill="${COLORS[pi % COLORS.length]}"><title>${esc(`${s.label} — ${p.id}: MAE ${r.maeSeconds} s, bias ${r.biasSeconds} s, p90 ${r.p90Seconds} s, n = ${r.callbacks}`)}</title></rect>`
      )
    })
    out.push(
      `<text x="${(M.left + gi * groupW + groupW / 2).toFixed(1)}" y="${M.top + plotH + 16}" text-anchor="middle">${esc(s.label)}</text>`
    )
  })
  const legendY = HEIGHT - 40
  policies.forEach((p, pi) => {
    const col = pi % 4
    const row = Math.floor(pi / 4)
    const x = M.left + col * 230
    const ly = legendY + row * 16
    out.push(`<rect x="${x}" y="${ly - 9}" width="10" height="10" fill="${COLORS[pi % COLORS.length]}"/>`)
    out.push(`<text x="${x + 14}" y="${ly}">${esc(p.id)}</text>`)
  })
  out.push('</svg>')
  return out.join('\n') + '\n'
}
