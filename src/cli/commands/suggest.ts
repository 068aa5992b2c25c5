/**
 * `overens suggest --train codings.csv --texts FOLDER [--codebook FILE] [--json]`: learn from the
 * long codings (document,coder,variable,value) and propose a value, a calibrated confidence and
 * the sentences behind it for every variable of every document in the folder that the codings
 * do not cover. The same engine (src/core/assist) as the app's proposals.
 */
import { prepareDocument, propose, trainAssistModel, type PreparedDocument } from '../../core/assist';
import { OverensError } from '../../core/errors';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../io';
import { InputError, textTable } from '../read-input';
import { readFolderTexts, readTrainingCodings, type FolderText } from '../suggest-input';

const usage = `Usage: overens suggest --train codings.csv --texts FOLDER [--codebook FILE] [--seed N] [--json]

Learn from coded documents and propose values for the documents not yet coded.
  --train     long-format codings: document,coder,variable,value (the documents named as the
              files in FOLDER, or by their name without extension); several coders on one
              document each count 1/n
  --texts     a folder with the documents (PDF, DOCX, TXT, extracted as the app imports them);
              every file the codings do not cover gets proposals
  --codebook  an Överens codebook/template JSON: its values' indicator terms and anchor examples
              help, and the codings' variables and values must be in it (by label, key or id);
              without it the codebook is the variables and values found in the codings
  --seed      seed of the internal cross-validation that calibrates the confidence (default 1)
  --json      [{"document","variable","value","confidence","evidence":[{"start","end","quote"}]}]
              — variables and values named as in the codings file; start/end are 0-based
              character offsets (UTF-16, end exclusive) into the document's extracted text
The confidence is the calibrated probability that the value is right (cross-validated on the
coded documents). Nothing is written: the output is proposals for a coder to check.`;

function matchFolder(documents: Iterable<string>, folder: readonly FolderText[]): { byDocument: Map<string, FolderText>; missing: string[] } {
  const byDocument = new Map<string, FolderText>();
  const missing: string[] = [];
  const stem = (n: string) => n.replace(/\.[^.]+$/, '');
  for (const d of documents) {
    const f = folder.find((x) => x.name === d) ?? folder.find((x) => stem(x.name) === d);
    if (f) byDocument.set(d, f);
    else missing.push(d);
  }
  return { byDocument, missing };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export const suggestCommand: CliCommand = {
  name: 'suggest',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { train: { type: 'string' }, texts: { type: 'string' }, codebook: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } });
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
    const { train, texts, codebook } = parsed.values;
    if (!train) throw new UsageError('--train codings.csv is required');
    if (!texts) throw new UsageError('--texts FOLDER is required');
    const seed = parsed.values.seed === undefined ? 1 : Number(parsed.values.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number ≥ 0 (got "${parsed.values.seed}")`);

    const codings = await readTrainingCodings(train, codebook);
    const folder = await readFolderTexts(texts, [train, ...(codebook ? [codebook] : [])], io);
    const { byDocument, missing } = matchFolder(codings.documents, folder);
    if (missing.length > 0) throw new InputError(`${train}: ${missing.length} coded document(s) are not in ${texts}: ${missing.slice(0, 10).map((m) => `"${m}"`).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`);
    const covered = new Set([...byDocument.values()].map((f) => f.name));
    const prepared = new Map<string, PreparedDocument>();
    for (const [document, f] of byDocument) {
      if (f.text === null) throw new InputError(`${f.problem}; it is coded in ${train}, so there is no text to learn from`);
      prepared.set(document, prepareDocument(document, f.text));
    }

    let model;
    try {
      model = trainAssistModel({ variables: codings.codebook.variables, documents: [...prepared.values()], judgements: codings.judgements }, { seed });
    } catch (error) {
      if (error instanceof OverensError) throw new InputError(`${train}: ${error.userMessage.en}`);
      throw error;
    }
    const targets = folder.filter((f) => !covered.has(f.name));
    const out: { document: string; variable: string; value: string; confidence: number; evidence: { start: number; end: number; quote: string }[] }[] = [];
    for (const f of targets) {
      if (f.text === null) {
        io.stderr.write(`${f.problem}; no proposals for it\n`);
        continue;
      }
      const doc = prepareDocument(f.name, f.text);
      if (doc.sentences.length === 0) {
        io.stderr.write(`${f.file}: no words in the extracted text; no proposals for it\n`);
        continue;
      }
      for (const p of propose(model, doc, f.text)) {
        out.push({
          document: f.name,
          variable: codings.codebook.variableLabel.get(p.variableId)!,
          value: codings.codebook.valueLabel.get(p.valueId)!,
          confidence: round(p.confidence),
          evidence: p.evidence.map((e) => ({ start: e.start, end: e.end, quote: e.quote })),
        });
      }
    }
    io.stderr.write(`${train}: learned ${model.variables.length} variable(s) from ${model.trainedOn.length} document(s); ${targets.length} document(s) in ${texts} not coded there get proposals\n`);
    if (parsed.values.json) {
      io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else if (out.length > 0) {
      const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s).replace(/\s+/g, ' ');
      io.stdout.write(textTable(['document', 'variable', 'value', 'confidence', 'evidence'], out.map((o) => [o.document, o.variable, o.value, o.confidence.toFixed(3), o.evidence[0] ? clip(o.evidence[0].quote) : '—'])));
    }
    return 0;
  },
};
