/**
 * `npm run bench`: every benchmark, printed as the README's benchmark table. Peers run as outside
 * programs on the same input in the same run. Pass names (agreement, cli, prevalence, extract, viewer, coding, views, exchange, exchange-app, suggest, ocr) to run some.
 */
import os from 'node:os';
import { benchAgreement } from './agreement';
import { benchCli } from './cli';
import { benchExtract } from './extract';
import { benchPrevalence } from './prevalence';
import { benchViewer } from './viewer';
import { benchCoding } from './coding';
import { benchViews } from './views';
import { benchExchange } from './exchange';
import { benchExchangeApp } from './exchange-app';
import { benchSuggest } from './suggest';
import { benchOcr } from './ocr';
import type { BenchRow } from './types';

const all: Record<string, () => Promise<BenchRow[]>> = { agreement: benchAgreement, cli: benchCli, prevalence: benchPrevalence, extract: benchExtract, viewer: benchViewer, coding: benchCoding, views: benchViews, exchange: benchExchange, 'exchange-app': benchExchangeApp, suggest: benchSuggest, ocr: benchOcr };
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const rows: BenchRow[] = [];
for (const [name, bench] of Object.entries(all)) {
  if (chosen.length && !chosen.includes(name)) continue;
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await bench()));
}
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, Node ${process.version}.\n`);
console.log('| area | input | result | peer (same run) | ratio | target | met |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.area} | ${r.input} | ${r.result} | ${r.peer ?? '—'} | ${r.ratio ?? '—'} | ${r.target} | ${r.pass ? 'yes' : 'no'} |`);
if (rows.some((r) => !r.pass)) process.exitCode = 1;
