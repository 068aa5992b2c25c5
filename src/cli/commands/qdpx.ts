/**
 * `overens qdpx <file>... [--json]`: read REFI-QDA project packages exactly as the app's import
 * does and report what they hold (users, sources, codes, selections, codings, variables) and
 * every problem found. Exits 1 if any package cannot be read at all.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { english } from '../../formats/messages';
import { qdpxSummary, readQdpx } from '../../formats/refi-qda-import';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../io';

const usage = `Usage: overens qdpx <file.qdpx>... [--json]

Check REFI-QDA project packages (from ATLAS.ti, MAXQDA, NVivo, QualCoder, Överens) as the app
would import them.
  --json   print one JSON object per file (an array of them for several files):
           {"file","ok","name","users","sources","codes","selections","codings","variables","problems":[...]}
Exit status 1 if any package cannot be read (after reporting all of them).`;

type Report = { file: string; ok: boolean; name: string | null; problems: string[] } & Partial<Omit<ReturnType<typeof qdpxSummary>, 'problems'>>;

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
      const read = await readQdpx(bytes, path.basename(file));
      if (!read.ok) {
        reports.push({ file, ok: false, name: null, problems: english(read.problems) });
        continue;
      }
      // Problems in English: the CLI's language, and `problems` is an array of strings in --json.
      const summary = qdpxSummary(read.project);
      reports.push({ file, ok: true, name: read.project.name, ...summary, problems: english(summary.problems) });
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
