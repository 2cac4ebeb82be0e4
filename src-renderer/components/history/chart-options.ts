import type { BarSeriesOption } from 'echarts/charts'
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type {
  AttemptsChart,
  BusiestChart,
  HistoryOutcome,
  OutcomesChart,
  PunctualityChart,
  VolumesChart
} from '../../../src-main/contract/history-views'
import type { ChartPalette } from './chart-palette'

/** The option type of the parts registered in echarts-setup.ts. */
export type HistoryChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption
>

/** Outcomes in report order, with the words the tables use. */
export const OUTCOMES: readonly HistoryOutcome[] = ['connected', 'declined', 'unreached', 'cancelled', 'open']
export const OUTCOME_LABELS: Readonly<Record<HistoryOutcome, string>> = {
  connected: 'Connected',
  declined: 'Declined',
  unreached: 'Unreached',
  cancelled: 'Cancelled',
  open: 'Open'
}

/** Theme-dependent parts every chart shares: text, axes, grid lines, tooltip and the ARIA description. */
function frame(p: ChartPalette, legend: boolean): HistoryChartOption {
  return {
    aria: { enabled: true },
    animation: false,
    textStyle: { color: p.text, fontFamily: 'Noto Sans, sans-serif' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: p.tooltipBackground,
      borderColor: p.axis,
      textStyle: { color: p.text }
    },
    ...(legend ? { legend: { top: 0, textStyle: { color: p.text }, inactiveColor: p.axis } } : {}),
    grid: { left: 8, right: 16, top: legend ? 36 : 12, bottom: 8, containLabel: true }
  }
}

const categoryAxis = (p: ChartPalette, data: string[]) => ({
  type: 'category' as const,
  data,
  axisLine: { lineStyle: { color: p.axis } },
  axisTick: { lineStyle: { color: p.axis } },
  axisLabel: { color: p.muted }
})
const valueAxis = (p: ChartPalette, name?: string) => ({
  type: 'value' as const,
  minInterval: 1,
  ...(name ? { name, nameTextStyle: { color: p.muted } } : {}),
  axisLabel: { color: p.muted },
  splitLine: { lineStyle: { color: p.grid } }
})

/** `YYYY-MM-DD HH:mm` → `HH:mm` for one day, `DD HH:mm` across days. */
function shortLabel(label: string, multiDay: boolean): string {
  return multiDay ? `${label.slice(8, 10)} ${label.slice(11)}` : label.slice(11)
}

/** Requests per interval, stacked by outcome. */
export function volumesOption(chart: VolumesChart, p: ChartPalette, multiDay: boolean): HistoryChartOption {
  return {
    ...frame(p, true),
    xAxis: categoryAxis(
      p,
      chart.buckets.map((b) => shortLabel(b.label, multiDay))
    ),
    yAxis: valueAxis(p),
    series: OUTCOMES.map((o) => ({
      type: 'bar',
      name: OUTCOME_LABELS[o],
      stack: 'outcome',
      itemStyle: { color: p.outcome[o] },
      data: chart.buckets.map((b) => b.counts[o])
    }))
  }
}

/** Callbacks per outcome; the tooltip lists the reasons behind each bar. */
export function outcomesOption(chart: OutcomesChart, p: ChartPalette): HistoryChartOption {
  const reasons = (o: HistoryOutcome) =>
    chart.reasons
      .filter((r) => r.outcome === o)
      .map((r) => `${r.reason}: ${r.count}`)
      .join('<br/>')
  return {
    ...frame(p, false),
    tooltip: {
      ...(frame(p, false).tooltip as TooltipComponentOption),
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number; value: number }
        const o = OUTCOMES[first.dataIndex]!
        return `<strong>${OUTCOME_LABELS[o]}: ${first.value}</strong>${reasons(o) ? `<br/>${reasons(o)}` : ''}`
      }
    },
    xAxis: categoryAxis(
      p,
      OUTCOMES.map((o) => OUTCOME_LABELS[o])
    ),
    yAxis: valueAxis(p),
    series: [
      {
        type: 'bar',
        name: 'Callbacks',
        data: OUTCOMES.map((o) => ({ value: chart.counts[o], itemStyle: { color: p.outcome[o] } })),
        label: { show: true, position: 'top', color: p.text }
      }
    ]
  }
}

const VERDICTS = [
  ['early', 'Early'],
  ['on-time', 'On time'],
  ['late', 'Late']
] as const

/** The punctuality histogram: one series per verdict (each bin is wholly one), so the legend names the colours. */
export function punctualityOption(chart: PunctualityChart, p: ChartPalette): HistoryChartOption {
  const axis = categoryAxis(
    p,
    chart.bins.map((b) => b.label)
  )
  return {
    ...frame(p, true),
    xAxis: { ...axis, axisLabel: { ...axis.axisLabel, interval: 0, rotate: 30 } },
    yAxis: valueAxis(p),
    series: VERDICTS.map(([verdict, name]) => ({
      type: 'bar',
      name,
      stack: 'verdict',
      itemStyle: { color: p.verdict[verdict] },
      data: chart.bins.map((b) => (b.verdict === verdict ? b.count : 0))
    }))
  }
}

/** Callbacks per number of dial attempts, stacked by outcome. */
export function attemptsOption(chart: AttemptsChart, p: ChartPalette): HistoryChartOption {
  return {
    ...frame(p, true),
    xAxis: categoryAxis(
      p,
      chart.rows.map((r) => (r.attempts === 1 ? '1 attempt' : `${r.attempts} attempts`))
    ),
    yAxis: valueAxis(p),
    series: OUTCOMES.map((o) => ({
      type: 'bar',
      name: OUTCOME_LABELS[o],
      stack: 'outcome',
      itemStyle: { color: p.outcome[o] },
      data: chart.rows.map((r) => r.counts[o])
    }))
  }
}

/** The busiest intervals as horizontal bars, busiest on top. */
export function busiestOption(chart: BusiestChart, p: ChartPalette, multiDay: boolean): HistoryChartOption {
  const rows = [...chart.rows].reverse()
  return {
    ...frame(p, false),
    xAxis: valueAxis(p),
    yAxis: categoryAxis(
      p,
      rows.map((r) => (multiDay ? r.label.slice(5) : r.label.slice(11)))
    ),
    series: [{ type: 'bar', name: 'Requested', itemStyle: { color: p.accent }, data: rows.map((r) => r.requested) }]
  }
}
