/**
 * Benchmark: the `overens` command end to end, as whole processes from the built bundle
 * (bin/overens.mjs → dist-cli/), peers in the same run:
 * - `overens --version` against `node -e 0` (startup);
 * - `overens extract` over the 60 synthetic PDFs against pdftotext on the same files;
 * - `overens agreement` on a long CSV of 5 coders × 1,000,000 units against a fast-krippendorff
 *   script that reads the same CSV (csv module + numpy) and computes α; peak RSS of each.
 * Each side: best of 3 (startup: median of 15), peak RSS from /usr/bin/time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seededRandom } from '../../src/core/agreement';
import { shared } from '../shared-dir';
import { median } from './agreement-data';
import type { BenchRow } from './types';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = path.join(ROOT, 'bin/overens.mjs');
const PEER = shared('peers', 'fast-krippendorff');

/** Wall time (ms) and peak RSS (MB) of one process. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; rssMb: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${command} ${args.slice(0, 3).join(' ')} failed: ${r.stderr.slice(-500)}`);
  const kb = Number(r.stderr.trim().split('\n').at(-1));
  return { ms, rssMb: kb / 1024, stdout: r.stdout };
}

function best(runs: number, f: () => { ms: number; rssMb: number; stdout: string }) {
  const all = Array.from({ length: runs }, f);
  return { ms: Math.min(...all.map((r) => r.ms)), rssMb: Math.max(...all.map((r) => r.rssMb)), stdout: all[0]!.stdout };
}

/** 5 coders × n units, 10 values, 10% missing, 70% agree with a unit's truth (as the α benchmark). */
async function writeLongCsv(file: string, units: number, coders = 5): Promise<void> {
  const random = seededRandom(42);
  const out = createWriteStream(file);
  let chunk = 'document,coder,variable,value\n';
  for (let u = 0; u < units; u++) {
    const truth = Math.floor(random() * 10);
    for (let c = 0; c < coders; c++) {
      if (random() < 0.1) continue;
      const v = random() < 0.7 ? truth : Math.floor(random() * 10);
      chunk += `u${u},c${c},x,${v}\n`;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** The peer: a fast-krippendorff script reading the same CSV (csv + numpy), written for this benchmark. */
const PEER_SCRIPT = path.join(ROOT, 'test/bench/fast-krippendorff-peer.py');

export async function benchCli(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs')], { stdio: 'ignore' });

  // Startup.
  const node: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < 15; i++) {
    node.push(timed(process.execPath, ['-e', '0']).ms);
    ours.push(timed(process.execPath, [BIN, '--version']).ms);
  }
  const startRatio = median(ours) / median(node);
  rows.push({
    area: 'CLI start',
    input: '`overens --version` (the built bundle)',
    result: `${median(ours).toFixed(0)} ms, median of 15`,
    peer: `node -e 0: ${median(node).toFixed(0)} ms`,
    ratio: `${startRatio.toFixed(2)}× node's start`,
    target: '≤ 3× node -e 0',
    pass: startRatio <= 3,
  });

  // Extraction, whole process.
  const folder = shared('corpus', 'synthetic');
  const pdfs = readdirSync(folder).filter((f) => f.endsWith('.pdf')).sort().map((f) => path.join(folder, f));
  const mine = best(3, () => timed(process.execPath, [BIN, 'extract', ...pdfs, '--json']));
  const extracted = (JSON.parse(mine.stdout) as { error: unknown }[]).filter((r) => !r.error).length;
  const script = `for f in "$@"; do pdftotext "$f" - > /dev/null; done`;
  const theirs = best(3, () => timed('bash', ['-c', script, 'pdftotext-loop', ...pdfs]));
  const extractRatio = mine.ms / theirs.ms;
  rows.push({
    area: 'CLI: overens extract',
    input: `synthetic corpus (${pdfs.length} PDFs), whole process, startup included, one thread per core (the main thread and workers)`,
    result: `${(mine.ms / 1000).toFixed(2)} s (${extracted} extracted), peak RSS ${mine.rssMb.toFixed(0)} MB, best of 3`,
    peer: `pdftotext on each file ${(theirs.ms / 1000).toFixed(2)} s`,
    ratio: `${extractRatio.toFixed(2)}× pdftotext's time`,
    target: '≤ 2× pdftotext',
    pass: extractRatio <= 2 && extracted === pdfs.length,
  });

  // Agreement on a long CSV of 5 million rows.
  const dir = mkdtempSync(path.join(tmpdir(), 'overens-cli-bench-'));
  const csv = path.join(dir, 'long.csv');
  await writeLongCsv(csv, 1_000_000);
  const agree = best(3, () => timed(process.execPath, [BIN, 'agreement', csv, '--json']));
  const alpha = (JSON.parse(agree.stdout) as { variables: { krippendorff_alpha: number }[] }).variables[0]!.krippendorff_alpha;
  let peer: { ms: number; rssMb: number; alpha: number } | null = null;
  try {
    const r = best(3, () => timed('/usr/bin/python3', [PEER_SCRIPT, csv], { ...process.env, PYTHONPATH: PEER }));
    peer = { ms: r.ms, rssMb: r.rssMb, alpha: Number(r.stdout.trim()) };
  } catch (error) {
    console.error('peer failed:', error instanceof Error ? error.message : error);
  }
  const agreeRatio = peer ? peer.ms / agree.ms : null;
  rows.push({
    area: 'CLI: overens agreement',
    input: 'long CSV, 5 coders × 1,000,000 units (4.5 million rows), 10 values, 10% missing, whole process',
    result: `${(agree.ms / 1000).toFixed(2)} s (α = ${alpha.toFixed(6)}), peak RSS ${agree.rssMb.toFixed(0)} MB, best of 3`,
    peer: peer ? `fast-krippendorff script reading the CSV (csv + numpy) ${(peer.ms / 1000).toFixed(2)} s (α = ${peer.alpha.toFixed(6)}), peak RSS ${peer.rssMb.toFixed(0)} MB` : 'peer not available',
    ratio: agreeRatio ? `${agreeRatio.toFixed(2)}× faster` : undefined,
    target: '≤ the peer\'s time, ≤ 500 MB',
    pass: agreeRatio !== null && agreeRatio >= 1 && agree.rssMb <= 500 && Math.abs(alpha - peer!.alpha) < 1e-9,
  });
  return rows;
}
