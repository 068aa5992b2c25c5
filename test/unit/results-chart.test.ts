// The Results charts' options (renderer/views/results/chart.ts) for a prevalence table by county:
// groups with n = 0 left out, a colour per group that differs from every other, the legend below
// the plot (not over the title or bars), and percentages in the UI language's format. The table is
// made up here: 21 counties, of which 3 have no documents.
import { describe, expect, it } from 'vitest';
import type { VariablePrevalence } from '../../src/core/prevalence';
import { chartColours, prevalenceOption, rankingOption } from '../../renderer/views/results/chart';
import { hexToOklab, oklabDistance } from '../../renderer/viewer/highlight-palette';

const COUNTIES = Array.from({ length: 21 }, (_, i) => `Län ${String(i + 1).padStart(2, '0')}`);
// County index i has n = i documents, except indices 0, 10 and 20 (n = 0); floor(n / 3) of them "ja".
const table: VariablePrevalence = {
  variable: 'sip',
  groups: COUNTIES.map((group, i) => {
    const n = i % 10 === 0 ? 0 : i;
    const ja = Math.floor(n / 3);
    return { group, n, missing: 0, values: [{ value: 'ja', count: ja, percent: n ? (100 * ja) / n : null }, { value: 'nej', count: n - ja, percent: n ? (100 * (n - ja)) / n : null }] };
  }),
};
const sv = { title: 'SIP', value: (v: string) => v, group: (g: string) => g, percent: (x: number) => x.toFixed(1).replace('.', ',') };

interface Series {
  name: string;
  data: (number | null)[];
  label: { show: boolean; formatter: (p: { value: unknown }) => string };
}

describe('prevalence chart', () => {
  const option = prevalenceOption(table, sv) as { series: Series[]; color: string[]; legend: Record<string, unknown>; grid: Record<string, number>; title: Record<string, unknown> };

  it('leaves out the groups without documents', () => {
    // Counties 1, 11 and 21 (indices 0, 10, 20) have n = 0: 18 series remain.
    expect(option.series).toHaveLength(18);
    expect(option.series.map((s) => s.name)).not.toContain('Län 01 (n = 0)');
  });

  it('gives every group its own colour', () => {
    expect(option.color).toHaveLength(18);
    const labs = option.color.map(hexToOklab);
    for (let i = 0; i < labs.length; i++) for (let j = i + 1; j < labs.length; j++) expect(oklabDistance(labs[i]!, labs[j]!), `${option.color[i]} / ${option.color[j]}`).toBeGreaterThan(0.04);
    // Two groups keep the familiar blue and orange.
    expect(chartColours(2)).toEqual(['#1f5fa8', '#e07b24']);
    expect(new Set(chartColours(21)).size).toBe(21);
  });

  it('puts the legend below the plot, clear of the title', () => {
    expect(option.legend).toMatchObject({ type: 'scroll', bottom: 0 });
    expect(option.grid.bottom).toBeGreaterThanOrEqual(30);
    expect(option.grid.top).toBeGreaterThanOrEqual(30);
  });

  it('writes percentages with a decimal comma in Swedish, and labels bars only while they are few', () => {
    const two = prevalenceOption({ variable: 'sip', groups: table.groups.slice(1, 3) }, sv) as { series: Series[] };
    expect(two.series[0]!.label.show).toBe(true);
    // County 2 (index 1): n = 1, 0 "ja" → 0,0 %; county 3: n = 2, 0 "ja".
    expect(two.series[0]!.label.formatter({ value: 33.3 })).toBe('33,3 %');
    expect(option.series[0]!.label.show).toBe(false);
  });
});

describe('ranking chart', () => {
  const option = rankingOption(table, 'ja', sv) as { yAxis: { data: string[] }; series: Series[] };

  it('ranks the groups with documents, labelled directly in the UI language', () => {
    expect(option.yAxis.data).toHaveLength(18);
    expect(option.yAxis.data.some((d) => d.includes('(n = 0)'))).toBe(false);
    // The largest share: county index 3 (n = 3, 1 "ja" = 33.3 %), ties kept in county order.
    expect(option.series[0]!.data[0]).toBe(33.3);
    expect(option.series[0]!.label.formatter({ value: 33.3 })).toBe('33,3 %');
    const sorted = [...option.series[0]!.data].sort((a, b) => b! - a!);
    expect(option.series[0]!.data).toEqual(sorted);
  });
});
