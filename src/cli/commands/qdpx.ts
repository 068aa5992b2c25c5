/**
 * `overens qdpx <file>... [--json]`: import REFI-QDA project packages exactly as the app's import
 * dialog does (`importQdpxPackage`: reading and mapping to a project) and report what they hold
 * (users, sources, codes, selections, codings, variables), how each source's positions were
 * counted, and every problem of both steps. Exits 1 if any package cannot be read at all.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { english } from '../../formats/messages';
import { importQdpxPackage, type QdpxImportReport } from '../../formats/qdpx-package';
import { conventionName } from '../../formats/refi-qda-positions';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../io';

const usage = `Usage: overens qdpx <file.qdpx>... [--json]

Check REFI-QDA project packages (from ATLAS.ti, MAXQDA, NVivo, QualCoder, Överens) as the app
would import them.
  --json   print one JSON object per file (an array of them for several files):
           {"file","ok","name","origin","users","sources","codes","selections","codings","variables",
            "positions":[{"source","counting","fit"}],"problems":[...]}
           counting: how the source's positions were counted (code points or UTF-16 units, CRLF as
           one or two: chosen per source from the program and the selections' word boundaries);
           fit: the share of selection boundaries on word boundaries under that counting.
Exit status 1 if any package cannot be read (after reporting all of them).`;

type Report = { file: string; ok: boolean; name: string | null; origin?: string; positions?: { source: string; counting: string; fit: number }[]; problems: string[] } & Partial<QdpxImportReport['counts']>;

export const qdpxCommand: CliCommand = {
  name: 'qdpx',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { json: { type: 'boolean' } });
    const files = parsed.positionals;
    if (files.length === 0) throw new UsageError('give at least one .qdpx file');
    const reports: Report[] = [];
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (error) {
        reports.push({ file, ok: false, name: null, problems: [`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`] });
        continue;
      }
      const imported = await importQdpxPackage(bytes, path.basename(file));
      if (!imported.ok) {
        reports.push({ file, ok: false, name: null, problems: english(imported.problems) });
        continue;
      }
      // Problems in English: the CLI's language, and `problems` is an array of strings in --json.
      const { report } = imported;
      const positions = report.conventions.map((c) => ({ source: c.source, counting: conventionName(c.convention).en, fit: Math.round(c.fit * 1000) / 1000 }));
      reports.push({ file, ok: true, name: report.name, ...(report.origin ? { origin: report.origin } : {}), ...report.counts, positions, problems: english(report.problems) });
    }
    if (parsed.values.json) {
      io.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
    } else {
      for (const r of reports) {
        if (r.ok) io.stdout.write(`${r.file}: "${r.name}" — ${r.users} users, ${r.sources} sources, ${r.codes} codes, ${r.selections} selections, ${r.codings} codings, ${r.variables} variables\n`);
        else io.stdout.write(`${r.file}: cannot be imported\n`);
        for (const p of r.problems) io.stdout.write(`  ${p}\n`);
      }
    }
    return reports.every((r) => r.ok) ? 0 : 1;
  },
};
