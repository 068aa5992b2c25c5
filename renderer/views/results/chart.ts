/**
 * Prevalence charts with Apache ECharts: horizontal bars, one series per group (e.g. county vs
 * local agreements, like the report's figures 4–9), percent of documents with a value; and a
 * ranking of the groups (e.g. the 21 counties) for one value. Groups without documents (n = 0)
 * are left out, every group has its own colour (chartColours), the legend sits below the plot
 * (never over the bars or the title), and numbers are in the UI language's format.
 */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { VariablePrevalence } from '../../../src/core/prevalence';
import { oklchToHex } from '../../viewer/highlight-palette';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

export interface ChartLabels {
  title: string;
  value: (valueId: string) => string;
  group: (group: string) => string;
  /** A percentage in the UI language's number format (decimal comma in Swedish); default: a point. */
  percent?: (x: number) => string;
}

/** The first six colours (two groups: blue and orange, as before); more groups get chartColours. */
const COLOURS = ['#1f5fa8', '#e07b24', '#2ca02c', '#9467bd', '#8c564b', '#17becf'];

/**
 * `n` colours that stay apart: the six above, and for more groups OKLCH hues spread round the
 * circle at two lightness levels (alternating), so 21 counties get 21 distinguishable colours.
 */
export function chartColours(n: number): string[] {
  if (n <= COLOURS.length) return COLOURS.slice(0, Math.max(1, n));
  const hues = Math.ceil(n / 2);
  return Array.from({ length: n }, (_, i) => oklchToHex(i % 2 === 0 ? 0.58 : 0.75, 0.14, ((Math.floor(i / 2) + (i % 2) / 2) * 360) / hues + 20));
}

const fmtPercent = (labels: ChartLabels, x: number) => `${labels.percent ? labels.percent(x) : x.toFixed(1)} %`;

export function prevalenceOption(table: VariablePrevalence, labels: ChartLabels): echarts.EChartsCoreOption {
  const values = table.groups[0]?.values.map((v) => v.value) ?? [];
  const groups = table.groups.filter((g) => g.n > 0);
  // Bar labels only while they stay readable; with many groups the tooltip and legend say it.
  const labelled = groups.length <= 4;
  return {
    animation: false,
    color: chartColours(groups.length),
    title: { text: labels.title, left: 'left', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmtPercent(labels, v) : '—') },
    legend: { type: 'scroll', bottom: 0, left: 'center' },
    grid: { left: 8, right: 56, top: 36, bottom: 36, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', data: values.map(labels.value), inverse: true },
    series: groups.map((g) => ({
      type: 'bar',
      name: `${labels.group(g.group)} (n = ${g.n})`,
      data: g.values.map((v) => (v.percent === null ? null : Math.round(v.percent * 10) / 10)),
      label: { show: labelled, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmtPercent(labels, p.value) : '') },
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

/**
 * A map-free ranking: the share of documents with one value, per group (e.g. county), sorted,
 * each bar labelled directly with its share; groups without documents are left out.
 */
export function rankingOption(table: VariablePrevalence, valueId: string, labels: ChartLabels): echarts.EChartsCoreOption {
  const rows = table.groups
    .filter((g) => g.n > 0)
    .map((g) => ({ group: labels.group(g.group), n: g.n, percent: g.values.find((v) => v.value === valueId)?.percent ?? null }))
    .filter((r) => r.percent !== null)
    .sort((a, b) => b.percent! - a.percent!);
  return {
    animation: false,
    color: [COLOURS[0]],
    title: { text: `${labels.title}: ${labels.value(valueId)}`, left: 'left', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmtPercent(labels, v) : '—') },
    grid: { left: 8, right: 64, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', data: rows.map((r) => `${r.group} (n = ${r.n})`), inverse: true },
    series: [{ type: 'bar', data: rows.map((r) => Math.round(r.percent! * 10) / 10), label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmtPercent(labels, p.value) : '') } }],
  };
}

/** A chart as PNG bytes at twice its size on screen, on white (not transparent). */
export function chartPng(chart: echarts.ECharts): Uint8Array {
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  const binary = atob(url.slice(url.indexOf(',') + 1));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
