/**
 * Prevalence charts with Apache ECharts: horizontal bars, one series per group (e.g. county vs
 * local agreements, like the report's figures 4–9), percent of documents with a value.
 */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { VariablePrevalence } from '../../../src/core/prevalence';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

export interface ChartLabels {
  title: string;
  value: (valueId: string) => string;
  group: (group: string) => string;
  /** A percentage in the UI language's number format (decimal comma in Swedish); default: a point. */
  percent?: (x: number) => string;
}

const COLOURS = ['#1f5fa8', '#e07b24', '#2ca02c', '#9467bd', '#8c564b', '#17becf'];

export function prevalenceOption(table: VariablePrevalence, labels: ChartLabels): echarts.EChartsCoreOption {
  const values = table.groups[0]?.values.map((v) => v.value) ?? [];
  return {
    animation: false,
    color: COLOURS,
    title: { text: labels.title, left: 'left', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${labels.percent ? labels.percent(v) : v.toFixed(1)} %` : '—') },
    legend: { top: 24 },
    grid: { left: 8, right: 40, top: 60, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', data: values.map(labels.value), inverse: true },
    series: table.groups.map((g) => ({
      type: 'bar',
      name: `${labels.group(g.group)} (n = ${g.n})`,
      data: g.values.map((v) => (v.percent === null ? null : Math.round(v.percent * 10) / 10)),
      label: { show: true, position: 'right', formatter: labels.percent ? (p: { value: unknown }) => (typeof p.value === 'number' ? `${labels.percent!(p.value)} %` : '') : '{c} %' },
    })),
  };
}

export function mountChart(element: HTMLElement, option: echarts.EChartsCoreOption): echarts.ECharts {
  const chart = echarts.init(element, undefined, { renderer: 'canvas' });
  chart.setOption(option);
  return chart;
}

/** The same chart as an SVG document (server-side rendering mode, no DOM needed). */
export function chartSvg(option: echarts.EChartsCoreOption, width = 800, height = 420): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** A map-free ranking: the share of documents with one value, per group (e.g. county), sorted. */
export function rankingOption(table: VariablePrevalence, valueId: string, labels: ChartLabels): echarts.EChartsCoreOption {
  const rows = table.groups
    .map((g) => ({ group: labels.group(g.group), n: g.n, percent: g.values.find((v) => v.value === valueId)?.percent ?? null }))
    .filter((r) => r.percent !== null)
    .sort((a, b) => b.percent! - a.percent!);
  return {
    animation: false,
    color: [COLOURS[0]],
    title: { text: `${labels.title}: ${labels.value(valueId)}`, left: 'left', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 40, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', data: rows.map((r) => `${r.group} (n = ${r.n})`), inverse: true },
    series: [{ type: 'bar', data: rows.map((r) => Math.round(r.percent! * 10) / 10), label: { show: true, position: 'right', formatter: '{c} %' } }],
  };
}
