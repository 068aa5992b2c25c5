/**
 * `overens unitizing segments.csv --documents documents.csv`: agreement on highlighted passages
 * (Krippendorff's α_U per code and overall; uα, |uα, cuα of Krippendorff et al. 2016) plus an
 * overlap match rate.
 */
import { notesInEnglish, unitizingAgreement } from '../../core/agreement';
import { parseDocumentsCsv, parseSegmentsCsv } from '../../formats/stats-csv';
import { csvText, failOnProblems, fmt, readTextFile, textTable } from '../read-input';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../io';

const usage = `Usage: overens unitizing segments.csv --documents documents.csv [--threshold 0.5] [--json | --csv]

Agreement on where coders marked passages and with which code.
  segments.csv   document,coder,code,start,end (0-based character offsets, end exclusive)
  --documents    documents.csv with document,length (the text length of each document)
  --threshold    overlap share of the longer segment for the match rate (default 0.5)
  --json         {"codes":[{"code","alpha_u","u_alpha"}],"alpha_u","u_alpha","binary_u_alpha","cu_alpha",…}
α_U is Krippendorff's (1995/2004) unitizing alpha; uα, |uα and cuα those of Krippendorff,
Mathet, Bouvry & Widlöcher (2016).
Every coder in segments.csv is taken to have read every document in documents.csv.`;

export const unitizingCommand: CliCommand = {
  name: 'unitizing',
  usage,
  async run(args, io) {
    const warn = (message: string) => io.stderr.write(`${message}\n`);
    const parsed = parseCommandArgs(args, { documents: { type: 'string' }, threshold: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' } });
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one segments.csv');
    if (!parsed.values.documents) throw new UsageError('--documents documents.csv (with a length column) is required');
    const threshold = parsed.values.threshold === undefined ? 0.5 : Number(parsed.values.threshold);
    if (!(threshold > 0 && threshold <= 1)) throw new UsageError('--threshold must be a number above 0 and at most 1');
    if (parsed.values.json && parsed.values.csv) throw new UsageError('choose --json or --csv, not both');
    const docs = parseDocumentsCsv(await readTextFile(parsed.values.documents, warn), { requireLength: true });
    failOnProblems(parsed.values.documents, docs.problems);
    const lengths = new Map(docs.rows.map((d) => [d.document, d.length ?? 0]));
    const segs = parseSegmentsCsv(await readTextFile(file, warn), lengths);
    failOnProblems(file, segs.problems);
    const report = unitizingAgreement(segs.rows, lengths, { threshold });
    const notes = notesInEnglish(report.notes);
    if (parsed.values.json) {
      io.stdout.write(`${JSON.stringify({ ...report, notes }, null, 2)}\n`);
    } else if (parsed.values.csv) {
      io.stdout.write(csvText(['code', 'alpha_u', 'u_alpha'], [...report.codes.map((c) => [c.code, c.alpha_u, c.u_alpha]), ['(all)', report.alpha_u, report.u_alpha], ['(|uα)', null, report.binary_u_alpha], ['(cuα)', null, report.cu_alpha]]));
    } else {
      io.stdout.write(`Unitizing agreement, coders: ${report.coders.join(', ')}\n\n`);
      io.stdout.write(textTable(['code', 'α_U', 'uα'], [...report.codes.map((c) => [c.code, fmt(c.alpha_u), fmt(c.u_alpha)]), ['(all codes)', fmt(report.alpha_u), fmt(report.u_alpha)]]));
      io.stdout.write(`\nuα (codes and gaps)    ${fmt(report.u_alpha)}\n|uα (where)            ${fmt(report.binary_u_alpha)}\ncuα (codes, given where) ${fmt(report.cu_alpha)}\n`);
      io.stdout.write(`match rate (≥ ${Math.round(threshold * 100)} % overlap)  ${report.match.rate === null ? '—' : `${(report.match.rate * 100).toFixed(1)} %`} (${report.match.matched} of ${report.match.matched + report.match.unmatched} segments)\n`);
      if (notes.length) io.stdout.write(`\nNotes:\n${notes.map((n) => `  ${n}`).join('\n')}\n`);
    }
    return 0;
  },
};
