import { use } from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

/**
 * The only ECharts parts History uses, registered once (tree-shaken `echarts/core` imports keep the bundle to
 * what is drawn). SVG rather than canvas: crisp at any zoom, text stays selectable and readable by tests, and it
 * needs no canvas in the DOM test environment.
 */
use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer])
