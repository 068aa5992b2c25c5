/**
 * Benchmark: Krippendorff's α (nominal) on 5 coders × 1,000,000 units, 10 values, 10% missing,
 * against the Python `krippendorff` package (fast-krippendorff, numpy) run as an outside program
 * on the same data in the same run; plus how our time grows from 10⁴ to 10⁶ units.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { krippendorffAlpha, MISSING, type ReliabilityData } from '../../src/core/agreement';
import { generate, median } from './agreement-data';
import type { BenchRow } from './types';

const PEER = path.resolve(new URL('../../../shared/peers/fast-krippendorff', import.meta.url).pathname);

function timeAlpha(data: ReliabilityData, runs: number): { ms: number; alpha: number | null } {
  const times: number[] = [];
  let alpha: number | null = null;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    alpha = krippendorffAlpha(data, 'nominal').alpha;
    times.push(performance.now() - t);
  }
  return { ms: median(times), alpha };
}

/** Run the peer on the same data: coders × units float64 with NaN for missing. */
function peer(data: ReliabilityData): { ms: number; alpha: number } | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'overens-bench-'));
  const file = path.join(dir, 'data.f64');
  const matrix = new Float64Array(data.units * data.coders);
  for (let u = 0; u < data.units; u++) for (let c = 0; c < data.coders; c++) {
    const v = data.values[u * data.coders + c]!;
    matrix[c * data.units + u] = v === MISSING ? Number.NaN : v;
  }
  writeFileSync(file, matrix);
  const script = `
import time, numpy as np, krippendorff
d = np.fromfile(${JSON.stringify(file)}, dtype=np.float64).reshape(${data.coders}, ${data.units})
best = None
for _ in range(3):
    t = time.perf_counter(); a = krippendorff.alpha(reliability_data=d, level_of_measurement="nominal"); e = time.perf_counter() - t
    best = e if best is None else min(best, e)
print(a, best * 1000)`;
  try {
    const out = execFileSync('python3', ['-c', script], { env: { ...process.env, PYTHONPATH: PEER }, encoding: 'utf8', maxBuffer: 1 << 20 });
    const [alpha, ms] = out.trim().split(/\s+/).map(Number);
    return { alpha: alpha!, ms: ms! };
  } catch (error) {
    console.error('peer failed:', error instanceof Error ? error.message : error);
    return null;
  }
}

/** Our α in a fresh Node process (see alpha-child.ts), so its peak RSS is α's alone. */
function ours(units: number): { ms: number; alpha: number | null; dataMb: number; rssMb: number } {
  const child = new URL('./alpha-child.ts', import.meta.url).pathname;
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, String(units)], { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; alpha: number | null; dataMb: number; rssMb: number };
}

export async function benchAgreement(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const big = generate(1_000_000);
  const mine = ours(1_000_000);
  const theirs = peer(big);
  const ratio = theirs ? theirs.ms / mine.ms : null;
  rows.push({
    area: "Krippendorff's α (nominal)",
    input: '5 coders × 1,000,000 units, 10 values, 10% missing',
    result: `${mine.ms.toFixed(0)} ms (α = ${mine.alpha?.toFixed(6)}), median of 5; data ${mine.dataMb.toFixed(0)} MB; peak RSS of a Node process that makes the data and computes α: ${mine.rssMb.toFixed(0)} MB`,
    peer: theirs ? `fast-krippendorff ${theirs.ms.toFixed(0)} ms (α = ${theirs.alpha.toFixed(6)}), best of 3` : 'peer not available',
    ratio: ratio ? `${ratio.toFixed(1)}× faster` : undefined,
    target: '≥ 20× faster, ≤ 200 MB',
    pass: ratio !== null && ratio >= 20 && mine.rssMb <= 200 && Math.abs((theirs?.alpha ?? 0) - (mine.alpha ?? 1)) < 1e-9,
  });
  const scaling: string[] = [];
  const perUnit: number[] = [];
  for (const n of [10_000, 100_000, 1_000_000]) {
    const { ms } = timeAlpha(n === 1_000_000 ? big : generate(n), n === 1_000_000 ? 3 : 9);
    scaling.push(`10^${Math.log10(n)}: ${ms.toFixed(2)} ms`);
    perUnit.push(ms / n);
  }
  const growth = perUnit[2]! / perUnit[1]!;
  rows.push({
    area: "Krippendorff's α scaling",
    input: '5 coders, 10⁴ → 10⁶ units',
    result: `${scaling.join(', ')} (time per unit 10⁶ vs 10⁵: ${growth.toFixed(2)}×)`,
    target: 'linear (time per unit constant)',
    pass: growth < 1.5,
  });
  return rows;
}
