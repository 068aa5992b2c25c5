/** Benchmark: prevalence for 186 documents × 35 variables split by level (Vårdanalys 2017:1 size). */
import { seededRandom } from '../../src/core/agreement';
import { prevalence } from '../../src/core/prevalence';
import type { BenchRow } from './types';

export async function benchPrevalence(): Promise<BenchRow[]> {
  const random = seededRandom(1);
  const documents = Array.from({ length: 186 }, (_, i) => ({ id: `d${i}`, attributes: { level: i < 21 ? 'county' : 'local', county: `c${i % 21}` } }));
  const variables = Array.from({ length: 35 }, (_, v) => ({ id: `v${v}`, values: ['Ja, tydliga', 'Ja, vaga', 'Nej'] }));
  const judgements = documents.flatMap((d) => variables.map((v) => ({ documentId: d.id, variable: v.id, values: random() < 0.03 ? [] : [v.values[Math.floor(random() * 3)]!] })));
  const times: number[] = [];
  for (let i = 0; i < 51; i++) {
    const t = performance.now();
    prevalence({ documents, judgements, variables, by: 'level' });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[25]!;
  return [{ area: 'Prevalence', input: '186 documents × 35 variables, by level', result: `${median.toFixed(2)} ms (median of 51)`, target: '≤ 20 ms', pass: median <= 20 }];
}
