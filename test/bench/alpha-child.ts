/**
 * Run by agreement.ts in its own Node process, so the peak RSS it reports is that of computing α
 * on the benchmark data alone (the benchmark harness itself loads vite, playwright and exceljs).
 * Prints one JSON line: median time of 5 runs, α, the data's size and the process' peak RSS.
 */
import { krippendorffAlpha } from '../../src/core/agreement';
import { generate, median } from './agreement-data';

const units = Number(process.argv[2] ?? 1_000_000);
const data = generate(units);
const times: number[] = [];
let alpha: number | null = null;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  alpha = krippendorffAlpha(data, 'nominal').alpha;
  times.push(performance.now() - t);
}
process.stdout.write(`${JSON.stringify({ ms: median(times), alpha, dataMb: data.values.byteLength / 1e6, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
