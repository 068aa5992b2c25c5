/**
 * `overens convert <in> <out>`: convert between REFI-QDA projects (.qdpx), from one .qdpx to
 * another (any program's project through the app's mapping, written for the chosen profile), and the statistics
 * CSV formats (long codings `document,coder,variable,value` + attributes, the input of
 * `overens agreement` and `overens prevalence`; wide; segments), and XLSX versions of them.
 * The .qdpx is read by the app's import reader and mapped as the app's import maps it; a .qdpx
 * is written by the app's REFI-QDA export.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAttributesCsv, type AttributeRow } from '../../formats/attributes-csv';
import { finalDatasetInput } from '../../formats/final-from-codings';
import { recordsFromCodings } from '../../formats/prevalence-input';
import { readCodings } from '../read-codings';
import {
  convertQdpxProject,
  documentCodings,
  longCodingsToQdpxProject,
  longDatasetInput,
  onlyCoder,
  parseLongCodings,
  qdpxInput,
  segmentsDataset,
  wideDatasetInput,
  withAttributes,
  type ConvertedProject,
  type SourceText,
} from '../../formats/codings-convert';
import { longCsv, longXlsx, segmentsCsv, segmentsXlsx, wideCsv, wideXlsx } from '../../formats/dataset';
import { english } from '../../formats/messages';
import { exportQdpx, QDPX_PROFILES, type QdpxProfile } from '../../formats/refi-qda';
import { readQdpx, type QdpxProject } from '../../formats/refi-qda-import';
import { extractDocument, warningInEnglish, type ExtractDeps } from '../../ingest';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../io';
import { failOnProblems, InputError, readBytes, readTextFile } from '../read-input';
import { extractDeps } from '../extract-file';

const usage = `Usage: overens convert <in> <out> [--format long|wide|segments|qdpx] [--coder NAME | --final]
                        [--attributes file.csv] [--texts FOLDER] [--version N] [--profile standard|qualcoder|nvivo]

Convert between a REFI-QDA project (.qdpx: ATLAS.ti, MAXQDA, NVivo, QualCoder, Överens) and the
CSV formats of the statistics commands. The file extensions say what is read and written:
  in.qdpx → out.csv or out.xlsx   codings as a dataset (--format long, wide or segments)
  in.csv  → out.qdpx              a REFI-QDA project from long-format codings
  in.qdpx → out.qdpx              any REFI-QDA project (ATLAS.ti, MAXQDA, NVivo, QualCoder) read
                                  as the app imports it and written as a valid one: positions in
                                  Unicode characters, GUIDs kept — a project normalised for
                                  another program
  in.csv  → out.csv or out.xlsx   long codings to the long or wide dataset
Options:
  --format      long (default for .csv/.xlsx): document,coder,variable,value + one column per
                  attribute — the input of overens agreement and prevalence; a coder who gave
                  one document several values of a variable gets one row per value (a note on
                  stderr says so: agreement and prevalence read one value per row key)
                wide: one row per document and coder, per variable a code column (1…k in value
                  order) and a 0/1 column per value; a variable with several values from one
                  coder on one document has an empty code column and 1 in each chosen value's
                  0/1 column
                segments (from .qdpx only): document,coder,variable,code,page,start,end,quote,
                  memo,orphaned — one row per coded passage; start/end are 0-based character
                  offsets (UTF-16, end exclusive) into the normalised text; page stays empty
                  (REFI-QDA records no pages)
                qdpx: implied by a .qdpx output
  --coder       only this coder's codings
  --final       (CSV → .csv/.xlsx) the final dataset composed from the long export's coder rows
                as the app composes it (consensus in force › agreed › single coder › unresolved,
                listed on stderr): long — one row per agreement and variable under the coder
                "final" with its provenance; wide — one row per agreement with <key>__prov columns.
                With --attributes, a file matched by its name without extension is a twin of that
                row's agreement (as in the app's attribute import)
  --version     (with --final) the codebook version to compose (default: the highest in the file)
  --attributes  a CSV keyed by file name (file or document column, other columns = attributes)
                whose attributes are added to the documents (they replace same-named ones)
  --profile     (→ .qdpx) standard (default): as REFI-QDA specifies; qualcoder: code names
                  "Variable: Value" (unique across the codebook), selection memos also as
                  <Description>, each document-level coding also as a whole-text selection, PDF
                  attributes also on the text representation; nvivo: as qualcoder but names as
                  they are and positions in UTF-16 units (how NVivo counts)
  --texts       (CSV → .qdpx) a folder with the documents' texts: <document>.txt, <name without
                extension>.txt, or the document file itself (PDF, DOCX, TXT; extracted as the app
                imports it). A document without one gets a generated line naming it as its text.
Mapping (.qdpx → CSV, as the app's import): a parent code is the variable and its child codes
the values (deeper levels as "Child / Grandchild"); codes without a parent are values of one
variable "Koder"; a parent code used directly gets the value "<parent> (allmänt)". A coder's
value counts for a document when the coder coded it on any passage or on the whole document.
Mapping (CSV → .qdpx): coders → users; each variable → a parent code (not codable) with one
child code per value; each document → a text source; each coder's values on a document → one
selection over the whole text with a coding per value; attribute columns → variables. Rows
with an empty value (not coded) have no REFI-QDA equivalent and are left out (counted on stderr).
Problems in the input are reported on stderr; exit status 1 if the input cannot be read.`;

const FORMATS = ['long', 'wide', 'segments', 'qdpx'] as const;
type Format = (typeof FORMATS)[number];
const INPUTS = ['.qdpx', '.csv'] as const;
const OUTPUTS = ['.qdpx', '.csv', '.xlsx'] as const;

function extensionOf(file: string, allowed: readonly string[], role: string): string {
  const ext = path.extname(file).toLowerCase();
  if (!allowed.includes(ext)) throw new UsageError(`cannot tell the format of ${role} "${file}" from its extension "${ext || '(none)'}"; it must end in ${allowed.join(' or ')}`);
  return ext;
}

const list = (names: readonly string[], max = 5) => names.slice(0, max).map((n) => `"${n}"`).join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');

/** Texts for the CSV's documents from a folder; what is missing or unreadable is reported. */
async function readTexts(folder: string, documents: readonly string[], io: CliIo): Promise<Map<string, SourceText>> {
  try {
    if (!(await stat(folder)).isDirectory()) throw new InputError(`${folder}: not a folder (--texts needs a folder of texts)`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${folder}: no such folder (--texts)`);
  }
  let deps: ExtractDeps | undefined;
  const texts = new Map<string, SourceText>();
  const missing: string[] = [];
  for (const document of documents) {
    if (/[/\\]/.test(document) || document === '.' || document === '..') {
      io.stderr.write(`${folder}: document "${document}" is not a plain file name; it gets a generated text\n`);
      continue;
    }
    const stem = document.replace(/\.[^.]+$/, '');
    const candidates = [...new Set([`${document}.txt`, `${stem}.txt`, document])];
    let found = false;
    for (const name of candidates) {
      const file = path.join(folder, name);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // Not there (or a folder by that name): try the next name. Anything else is said.
        if (code !== 'ENOENT' && code !== 'EISDIR') io.stderr.write(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)}); trying the next name\n`);
        continue;
      }
      found = true;
      deps ??= await extractDeps();
      const result = await extractDocument({ fileName: file, bytes }, deps);
      if (result.ok) for (const w of result.document.warnings) io.stderr.write(`${file}: ${warningInEnglish(w)}\n`);
      if (!result.ok) io.stderr.write(`${result.error.message.en}; document "${document}" gets a generated text\n`);
      else if (!result.document.text.trim()) io.stderr.write(`${file}: no text could be extracted; document "${document}" gets a generated text\n`);
      else texts.set(document, result.document.kind === 'pdf' ? { kind: 'pdf', text: result.document.text, original: bytes } : { kind: 'txt', text: result.document.text });
      break;
    }
    if (!found) missing.push(document);
  }
  if (missing.length) io.stderr.write(`${folder}: no text for ${missing.length} of ${documents.length} document(s) (${list(missing)}); looked for <document>.txt, <name without extension>.txt and the document itself; they get a generated text\n`);
  return texts;
}

export const convertCommand: CliCommand = {
  name: 'convert',
  usage,
  async run(args, io) {
    const warn = (message: string) => io.stderr.write(`${message}\n`);
    const parsed = parseCommandArgs(args, { format: { type: 'string' }, coder: { type: 'string' }, final: { type: 'boolean' }, version: { type: 'string' }, attributes: { type: 'string' }, texts: { type: 'string' }, profile: { type: 'string' } });
    const [input, output, ...extra] = parsed.positionals;
    if (!input || !output || extra.length > 0) throw new UsageError('give one input and one output file: overens convert <in> <out>');
    const inExt = extensionOf(input, INPUTS, 'the input');
    const outExt = extensionOf(output, OUTPUTS, 'the output');
    if (path.resolve(input) === path.resolve(output)) throw new UsageError('the output must be another file than the input');
    const formatArg = parsed.values.format;
    if (formatArg !== undefined && !(FORMATS as readonly string[]).includes(formatArg)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    const format: Format = (formatArg as Format | undefined) ?? (outExt === '.qdpx' ? 'qdpx' : 'long');
    if ((format === 'qdpx') !== (outExt === '.qdpx')) throw new UsageError(format === 'qdpx' ? `--format qdpx writes a .qdpx file, not "${output}"` : `a .qdpx output is a REFI-QDA project; --format ${format} writes .csv or .xlsx`);
    const profileArg = parsed.values.profile;
    if (profileArg !== undefined && !(QDPX_PROFILES as readonly string[]).includes(profileArg)) throw new UsageError(`--profile must be one of ${QDPX_PROFILES.join(', ')}`);
    if (profileArg !== undefined && outExt !== '.qdpx') throw new UsageError('--profile is used only when writing a .qdpx');
    const profile = (profileArg as QdpxProfile | undefined) ?? 'standard';
    if (inExt === '.csv' && format === 'segments') throw new UsageError('a codings CSV has no passages; --format segments needs a .qdpx input');
    if (parsed.values.texts !== undefined && !(inExt === '.csv' && outExt === '.qdpx')) throw new UsageError('--texts is used only when converting a codings CSV to a .qdpx');
    if (parsed.values.final) {
      if (inExt !== '.csv' || (format !== 'long' && format !== 'wide')) throw new UsageError('--final composes the final dataset of a long codings CSV into a long or wide .csv or .xlsx');
      if (parsed.values.coder !== undefined) throw new UsageError('choose --final or --coder, not both');
      return convertFinal(input, output, outExt, format, parsed.values, io);
    }
    if (parsed.values.version !== undefined) throw new UsageError('--version is used with --final');

    // Read the input into a REFI-QDA project (as imported), then Överens records.
    let imported: QdpxProject;
    let notCoded = 0;
    if (inExt === '.qdpx') {
      const read = await readQdpx(await readBytes(input), input);
      if (!read.ok) throw new InputError(english(read.problems).join('\n'));
      imported = read.project;
    } else {
      const { codings, problems } = parseLongCodings(await readTextFile(input, warn));
      failOnProblems(input, problems);
      if (codings.rows.length === 0 && codings.notCoded.length === 0) throw new InputError(`${input}: no codings (only a header)`);
      notCoded = codings.notCoded.length;
      const texts = parsed.values.texts === undefined ? undefined : await readTexts(parsed.values.texts, codings.documents, io);
      imported = longCodingsToQdpxProject(codings, { name: path.basename(input, path.extname(input)), origin: path.basename(input), texts });
    }
    let project: ConvertedProject = await convertQdpxProject(imported);
    const notes = project.problems.map((p) => `${input}: ${p}`);
    if (notCoded > 0) notes.push(`${input}: ${notCoded} row(s) with an empty value (not coded) are left out: ${outExt === '.qdpx' ? 'REFI-QDA has no coding for "not coded"' : 'the conversion keeps coded values only'}`);

    if (parsed.values.attributes !== undefined) {
      const file = parsed.values.attributes;
      const attributes = parseAttributesCsv(await readTextFile(file, warn));
      failOnProblems(file, attributes.problems);
      const merged = withAttributes(project, attributes.rows);
      project = merged.project;
      if (merged.unknown.length) notes.push(`${file}: ${merged.unknown.length} row(s) match no document of ${input} (${list(merged.unknown.map((r) => r.file))}); not used`);
    }
    const coder = parsed.values.coder;
    if (coder !== undefined) {
      const own = onlyCoder(project, coder);
      if (!own) throw new InputError(`${input}: no coder "${coder}" (coders: ${project.coders.map((c) => c.name).join(', ') || 'none'})`);
      project = own;
    }
    // Notes only once the input is accepted, so a refusal is reported alone.
    for (const note of notes) io.stderr.write(`${note}\n`);

    // Write the output.
    let bytes: Uint8Array;
    let summary: string;
    if (format === 'qdpx') {
      const about = inExt === '.qdpx' && imported.memo ? imported.memo : `Converted from ${path.basename(input)} by overens convert`;
      bytes = await exportQdpx(qdpxInput(project, about), { profile });
      const values = project.content.variables.reduce((n, v) => n + v.values.length, 0);
      summary = `REFI-QDA project "${project.project.name}" with ${project.content.variables.length} variable(s) (${values} value(s)) and ${project.segments.length + project.judgements.reduce((n, j) => n + j.valueIds.length, 0)} coding(s)`;
    } else if (format === 'segments') {
      const { segments, input: names } = segmentsDataset(project);
      bytes = outExt === '.xlsx' ? await segmentsXlsx(segments, names) : new TextEncoder().encode(segmentsCsv(segments, names));
      summary = `segments: ${segments.length} passage(s)`;
    } else if (format === 'wide') {
      const dataset = wideDatasetInput(project);
      bytes = outExt === '.xlsx' ? await wideXlsx(dataset) : new TextEncoder().encode(wideCsv(dataset));
      summary = `wide: ${new Set(dataset.judgements.map((j) => `${j.documentId}\u0000${j.coderId}`)).size} row(s) (document × coder), ${dataset.content.variables.length} variable(s)`;
    } else {
      const dataset = longDatasetInput(project);
      bytes = outExt === '.xlsx' ? await longXlsx(dataset) : new TextEncoder().encode(longCsv(dataset));
      const multi = documentCodings(project).filter((j) => j.valueIds.length > 1).length;
      if (multi > 0) io.stderr.write(`${output}: ${multi} coding(s) have several values for one document, coder and variable, written as one row per value; overens agreement and prevalence read one value per document, coder and variable\n`);
      summary = `long: ${dataset.judgements.length} row(s)`;
    }
    await writeOutput(output, bytes);
    io.stdout.write(`${output}: ${summary}; ${project.documents.length} document(s), ${project.coders.length} coder(s)\n`);
    return 0;
  },
};

async function writeOutput(output: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(output, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${output}: cannot be written (${code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'is a folder' : error instanceof Error ? error.message : String(error)})`);
  }
}

/** `--final`: the final dataset of a long codings CSV (formats/final-from-codings.ts). */
async function convertFinal(input: string, output: string, outExt: string, format: 'long' | 'wide', values: { version?: string; attributes?: string }, io: CliIo): Promise<number> {
  const warn = (message: string) => io.stderr.write(`${message}\n`);
  if (values.version !== undefined && !/^[1-9]\d*$/.test(values.version)) throw new UsageError('--version must be a codebook version number (1, 2, …)');
  const scan = await readCodings(input, warn, values.version === undefined ? {} : { version: values.version });
  failOnProblems(input, scan.problems);
  if (scan.rows.document.length === 0) throw new InputError(`${input}: no codings (only a header)`);
  let rows: AttributeRow[];
  if (values.attributes !== undefined) {
    const attributes = parseAttributesCsv(await readTextFile(values.attributes, warn));
    failOnProblems(values.attributes, attributes.problems);
    rows = attributes.rows;
  } else {
    rows = scan.documents.names.map((file, i) => ({ line: i + 2, file, attributes: {} }));
  }
  const records = recordsFromCodings(scan, rows, { source: { final: true }, ...(values.attributes ? { documentsName: values.attributes } : {}) });
  failOnProblems(input, records.problems);
  for (const note of records.notes) warn(`${input}: ${note}`);
  const { input: dataset, final } = finalDatasetInput(records);
  const unresolved = final.cells.filter((c) => c.provenance === 'unresolved');
  if (unresolved.length > 0) {
    const name = (id: string) => records.content.variables.find((v) => v.id === id)?.label.sv ?? id;
    warn(`${input}: unresolved (the coders differ and no consensus is in force; no value):\n${unresolved.slice(0, 20).map((c) => `  ${c.unit}: ${name(c.variableId)}`).join('\n')}${unresolved.length > 20 ? `\n  … and ${unresolved.length - 20} more` : ''}`);
  }
  const bytes = format === 'wide' ? (outExt === '.xlsx' ? await wideXlsx(dataset) : new TextEncoder().encode(wideCsv(dataset))) : outExt === '.xlsx' ? await longXlsx(dataset) : new TextEncoder().encode(longCsv(dataset));
  await writeOutput(output, bytes);
  const s = final.summary.cells;
  io.stdout.write(`${output}: final dataset of ${final.summary.units} agreement(s): ${s.consensus} consensus, ${s.agreed} agreed, ${s.single} single coder, ${s.unresolved} unresolved, ${s.unjudged} not judged\n`);
  return 0;
}
