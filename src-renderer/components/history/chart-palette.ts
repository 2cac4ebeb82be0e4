import type { HistoryOutcome, PunctualityVerdict } from '../../../src-main/contract/history-views'

/** Colours of the History charts, read from Spark's chart tokens so light and dark themes both stay readable. */
export interface ChartPalette {
  readonly text: string
  readonly muted: string
  readonly axis: string
  readonly grid: string
  readonly tooltipBackground: string
  readonly outcome: Readonly<Record<HistoryOutcome, string>>
  readonly verdict: Readonly<Record<PunctualityVerdict, string>>
  readonly accent: string
}

/** Light-theme values, used where the tokens are not loaded (tests) — the same values Spark defines. */
export const FALLBACK_PALETTE: ChartPalette = {
  text: '#2a2a2e',
  muted: '#4f5157',
  axis: '#b2b7c4',
  grid: '#ebedf5',
  tooltipBackground: '#ffffff',
  outcome: { connected: '#056385', declined: '#ac75ff', unreached: '#ffc650', cancelled: '#ff5c77', open: '#5798d9' },
  verdict: { early: '#ffc650', 'on-time': '#056385', late: '#ff5c77' },
  accent: '#5798d9'
}

const category = (n: number): string => `--gse-semantic-charts-categoricalData-category${n}-default`

/** Reads the palette from the tokens in effect on `root` (call again after the theme changes). */
export function readPalette(root: Element = document.documentElement): ChartPalette {
  const style = getComputedStyle(root)
  const token = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback
  const f = FALLBACK_PALETTE
  const teal = token(category(1), f.outcome.connected)
  const amber = token(category(7), f.outcome.unreached)
  const red = token(category(5), f.outcome.cancelled)
  const blue = token(category(2), f.outcome.open)
  return {
    text: token('--gse-semantic-charts-foreground-highEmphasis', f.text),
    muted: token('--gse-semantic-charts-foreground-midEmphasis', f.muted),
    axis: token('--gse-semantic-charts-border-axis', f.axis),
    grid: token('--gse-semantic-charts-border-grid-default', f.grid),
    tooltipBackground: token('--gse-semantic-background-container-elevated-default', f.tooltipBackground),
    outcome: { connected: teal, declined: token(category(3), f.outcome.declined), unreached: amber, cancelled: red, open: blue },
    verdict: { early: amber, 'on-time': teal, late: red },
    accent: blue
  }
}
