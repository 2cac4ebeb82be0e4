import { afterEach, describe, expect, it } from 'vitest'
import { buildHistoryReport } from '../../src-main/core/history/history-report'
import { FALLBACK_PALETTE, readPalette } from '../../src-renderer/components/history/chart-palette'
import {
  attemptsOption,
  busiestOption,
  outcomesOption,
  punctualityOption,
  volumesOption
} from '../../src-renderer/components/history/chart-options'
import { applyTheme } from '../../src-renderer/theme'
import { daySource } from '../main/history/day-fixture'

const report = buildHistoryReport(daySource())
type Series = { name: string; data: (number | { value: number; itemStyle: { color: string } })[]; itemStyle?: { color: string } }
const seriesOf = (option: { series?: unknown }) => option.series as Series[]

describe('History chart options', () => {
  afterEach(() => {
    document.head.querySelectorAll('style[data-test]').forEach((s) => s.remove())
    applyTheme('light')
  })

  it('stack requests per interval by outcome, in outcome colours', () => {
    const option = volumesOption(report.volumes[60], FALLBACK_PALETTE, false)
    expect((option.xAxis as { data: string[] }).data).toEqual(['09:00', '10:00', '11:00'])
    expect(seriesOf(option).map((s) => [s.name, s.data])).toEqual([
      ['Connected', [4, 0, 1]],
      ['Declined', [1, 0, 0]],
      ['Unreached', [1, 0, 0]],
      ['Cancelled', [0, 3, 0]],
      ['Open', [0, 1, 1]]
    ])
    expect(seriesOf(option)[0]!.itemStyle!.color).toBe(FALLBACK_PALETTE.outcome.connected)
    expect((volumesOption(report.volumes[60], FALLBACK_PALETTE, true).xAxis as { data: string[] }).data[0]).toBe('10 09:00')
    expect(option.aria).toEqual({ enabled: true })
  })

  it('draw outcomes, punctuality bins coloured by verdict, attempts and the busiest intervals', () => {
    expect(
      seriesOf(outcomesOption(report.outcomes, FALLBACK_PALETTE))[0]!.data.map((d) => (typeof d === 'number' ? d : d.value))
    ).toEqual([5, 1, 1, 3, 2])
    const verdicts = seriesOf(punctualityOption(report.punctuality, FALLBACK_PALETTE))
    expect(verdicts.map((s) => [s.name, s.itemStyle!.color])).toEqual([
      ['Early', FALLBACK_PALETTE.verdict.early],
      ['On time', FALLBACK_PALETTE.verdict['on-time']],
      ['Late', FALLBACK_PALETTE.verdict.late]
    ])
    // Each bin is drawn in exactly one verdict's series, with its count.
    const summed = report.punctuality.bins.map((_, i) => verdicts.reduce((n, s) => n + (s.data[i] as number), 0))
    expect(summed).toEqual(report.punctuality.bins.map((b) => b.count))
    expect(verdicts[0]!.data).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    expect(verdicts[2]!.data).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0])
    expect(seriesOf(attemptsOption(report.attempts, FALLBACK_PALETTE)).find((s) => s.name === 'Unreached')!.data).toEqual([
      0, 0, 0, 1
    ])
    const busiest = busiestOption(report.busiest[60], FALLBACK_PALETTE, false)
    expect((busiest.yAxis as { data: string[] }).data).toEqual(['11:00–12:00', '10:00–11:00', '09:00–10:00'])
    expect(seriesOf(busiest)[0]!.data).toEqual([2, 4, 6])
    const tooltip = outcomesOption(report.outcomes, FALLBACK_PALETTE).tooltip as { formatter: (p: unknown) => string }
    expect(tooltip.formatter([{ dataIndex: 3, value: 3 }])).toBe(
      '<strong>Cancelled: 3</strong><br/>Caller rang back in: 1<br/>Duplicate request: 1<br/>Ended without a recorded outcome: 1'
    )
  })

  it('read their colours from the Spark tokens of the theme in effect', () => {
    const style = document.createElement('style')
    style.dataset.test = ''
    style.textContent = `:root { --gse-semantic-charts-foreground-highEmphasis: #2a2a2e; --gse-semantic-charts-categoricalData-category1-default: #056385; }
      [flare-mode=dark] { --gse-semantic-charts-foreground-highEmphasis: #ffffff; --gse-semantic-charts-categoricalData-category1-default: #53bee5; }`
    document.head.append(style)
    expect([readPalette().text, readPalette().outcome.connected]).toEqual(['#2a2a2e', '#056385'])
    applyTheme('dark')
    expect([readPalette().text, readPalette().outcome.connected, readPalette().verdict['on-time']]).toEqual([
      '#ffffff',
      '#53bee5',
      '#53bee5'
    ])
    expect(volumesOption(report.volumes[15], readPalette(), false).textStyle).toMatchObject({ color: '#ffffff' })
  })
})
