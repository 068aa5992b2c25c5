/**
 * Coder packages and codings files (see src/core/model/coder-package.ts): zips holding a
 * `manifest.json` and, in a package, `files/<documentId>` (the original documents). Reading checks
 * entry names (nothing outside `files/`, no `..`), unpacks through the bounded zip reader under real
 * caps, tells a package from a codings file, validates the manifest, and checks every file's SHA-256 against its document —
 * before anything is written. Problems name the file and are in Swedish and English.
 */
import JSZip from 'jszip';
import { issueMessages } from './messages';
import { CODER_CODINGS_KIND, CODER_PACKAGE_KIND, CoderCodingsData, CoderPackageData, type UserMessage, type ZipArchive, type ZipProblem, sha256Hex } from '../core';
import { MAX_CONTAINER_BYTES, MAX_JSON_BYTES, containerLimits, isSizeProblem, nameList, openContainer, parseJson } from './zip-container';

export const MANIFEST = 'manifest.json';
/**
 * In a codings file: the SHA-256 (hex) of `manifest.json` exactly as stored. A file changed by
 * hand after the export (a value id swapped for another) no longer matches and is refused. It
 * guards against edits and damage, not against someone who recomputes it.
 */
export const CODINGS_CHECKSUM = 'manifest.sha256';
/** What a package / a codings file may unpack to in all (see zip-container.ts); JSZip only writes them. */
export const MAX_PACKAGE_UNPACKED = MAX_CONTAINER_BYTES;
export const MAX_CODINGS_UNPACKED = MAX_JSON_BYTES;

export type ReadResult<T> = ({ ok: true } & T) | { ok: false; problems: UserMessage[] };

export interface ReadOptions {
  /** Refuse zips that unpack to more than this many bytes in all. */
  maxUnpacked?: number;
}

export async function writeCoderPackage(data: CoderPackageData, files: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(MANIFEST, JSON.stringify(data));
  for (const f of data.files) {
    const bytes = files.get(f.documentId);
    if (!bytes) throw new Error(`no bytes for document ${f.documentId}`);
    zip.file(`files/${f.documentId}`, bytes);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function writeCoderCodings(data: CoderCodingsData): Promise<Uint8Array> {
  const zip = new JSZip();
  const manifest = new TextEncoder().encode(JSON.stringify(data));
  zip.file(MANIFEST, manifest);
  zip.file(CODINGS_CHECKSUM, await sha256Hex(manifest));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const KIND_NAMES: Record<string, UserMessage> = {
  [CODER_PACKAGE_KIND]: { sv: 'ett kodarpaket', en: 'a coder package' },
  [CODER_CODINGS_KIND]: { sv: 'en fil med kodningar', en: 'a codings file' },
};

async function openZip(
  bytes: Uint8Array,
  fileName: string,
  expected: typeof CODER_PACKAGE_KIND | typeof CODER_CODINGS_KIND,
  allowFiles: boolean,
  maxUnpacked: number,
): Promise<{ ok: true; zip: ZipArchive; manifest: unknown } | { ok: false; problems: UserMessage[] }> {
  const what = KIND_NAMES[expected]!;
  const fail = (sv: string, en: string) => ({ ok: false as const, problems: [{ sv: `${fileName}: ${sv}`, en: `${fileName}: ${en}` }] });
  const opened = openContainer(bytes, containerLimits(maxUnpacked));
  if (!opened.ok) {
    const { problem } = opened;
    if (isSizeProblem(problem)) return failSize(fileName, problem);
    return fail(`är inte ${what.sv} från Överens (ingen zip-fil: ${problem.message.sv}).`, `is not ${what.en} from Överens (not a zip file: ${problem.message.en}).`);
  }
  const { zip } = opened;
  const names = zip.names;
  const isFile = (n: string) => /^files\/[A-Za-z0-9_.:-]+$/.test(n) && n !== 'files/.' && n !== 'files/..';
  // Folder entries are listed only when nothing else explains the refusal.
  const refuse = (bad: string[]) => {
    const shown = bad.filter((n) => !n.endsWith('/'));
    const list = nameList(shown.length ? shown : bad);
    return fail(`innehåller otillåtna sökvägar: ${list}. Inget importerades.`, `contains entries that are not allowed: ${list}. Nothing was imported.`);
  };
  // Nothing outside manifest.json and files/<id> in either kind; files/ only in a package (checked after the kind).
  const unsafe = names.filter((n) => n !== '/' && n !== MANIFEST && n !== 'files/' && !isFile(n) && n !== CODINGS_CHECKSUM);
  if (unsafe.length) return refuse(unsafe);
  if (!zip.has(MANIFEST)) return fail(`saknar ${MANIFEST}; det är inte ${what.sv} från Överens.`, `has no ${MANIFEST}; it is not ${what.en} from Överens.`);
  const text = await zip.textOf(MANIFEST, MAX_JSON_BYTES);
  if (!text.ok) return failZip(fileName, text.problem);
  const parsed = parseJson(text.value);
  if (!parsed.ok) return fail(`${MANIFEST} är inte giltig JSON (${parsed.detail}).`, `${MANIFEST} is not valid JSON (${parsed.detail}).`);
  const manifest = parsed.value;
  const kind = typeof manifest === 'object' && manifest !== null ? (manifest as { kind?: unknown }).kind : undefined;
  if (kind !== expected) {
    const other = typeof kind === 'string' ? KIND_NAMES[kind] : undefined;
    if (other) {
      const hint =
        expected === CODER_PACKAGE_KIND
          ? { sv: 'Kodningar importeras av projektledaren under Dokument → Importera kodningar.', en: 'Codings are imported by the lead under Documents → Import codings.' }
          : { sv: 'Ett kodarpaket importeras av kodaren under Projekt → Importera kodarpaket.', en: 'A coder package is imported by the coder under Projects → Import coder package.' };
      return fail(`är ${other.sv}, inte ${what.sv}. ${hint.sv}`, `is ${other.en}, not ${what.en}. ${hint.en}`);
    }
    return fail(`är inte ${what.sv} från Överens (kind är ${JSON.stringify(kind) ?? 'undefined'}).`, `is not ${what.en} from Överens (kind is ${JSON.stringify(kind) ?? 'undefined'}).`);
  }
  const version = (manifest as { formatVersion?: unknown }).formatVersion;
  if (version !== 1) {
    return fail(
      `har formatversion ${String(version)}; den här versionen av Överens läser version 1. Uppdatera Överens.`,
      `has format version ${String(version)}; this version of Överens reads version 1. Update Överens.`,
    );
  }
  if (!allowFiles) {
    const files = names.filter((n) => n.startsWith('files/'));
    if (files.length) return refuse(files);
  }
  // The checksum belongs to codings files only (checked after the kind, like files/).
  if (expected !== CODER_CODINGS_KIND && names.includes(CODINGS_CHECKSUM)) return refuse([CODINGS_CHECKSUM]);
  return { ok: true, zip, manifest };
}

function failSize(fileName: string, problem: ZipProblem): { ok: false; problems: UserMessage[] } {
  return { ok: false, problems: [{ sv: `${fileName}: ${problem.message.sv}; filen öppnas inte.`, en: `${fileName}: ${problem.message.en}; the file is not opened.` }] };
}

/** A problem met while unpacking: a cap reached, or damage. */
function failZip(fileName: string, problem: ZipProblem): { ok: false; problems: UserMessage[] } {
  if (isSizeProblem(problem)) return failSize(fileName, problem);
  return { ok: false, problems: [{ sv: `${fileName}: filen är skadad (${problem.message.sv}). Inget importerades.`, en: `${fileName}: the file is damaged (${problem.message.en}). Nothing was imported.` }] };
}

function schemaProblems(fileName: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): UserMessage[] {
  const lines = issueMessages(issues);
  const head: UserMessage = {
    sv: `${fileName}: ${MANIFEST} stämmer inte med formatet (${lines.length} problem). Inget importerades.`,
    en: `${fileName}: ${MANIFEST} does not match the format (${lines.length} problems). Nothing was imported.`,
  };
  return [head, ...lines.slice(0, 50)];
}

export async function readCoderPackage(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<ReadResult<{ data: CoderPackageData; files: Map<string, Uint8Array> }>> {
  const opened = await openZip(bytes, fileName, CODER_PACKAGE_KIND, true, options.maxUnpacked ?? MAX_PACKAGE_UNPACKED);
  if (!opened.ok) return opened;
  const parsed = CoderPackageData.safeParse(opened.manifest);
  if (!parsed.success) return { ok: false, problems: schemaProblems(fileName, parsed.error.issues) };
  const data = parsed.data;
  const problems: UserMessage[] = [];
  const files = new Map<string, Uint8Array>();
  const metaById = new Map(data.documents.map((d) => [d.id, d]));
  for (const f of data.files) {
    const meta = metaById.get(f.documentId)!;
    const name = `files/${f.documentId}`;
    if (!opened.zip.has(name)) {
      problems.push({ sv: `${fileName}: originalfilen till "${meta.fileName}" saknas (files/${f.documentId}).`, en: `${fileName}: the original file of "${meta.fileName}" is missing (files/${f.documentId}).` });
      continue;
    }
    const read = await opened.zip.bytesOf(name);
    if (!read.ok) return failZip(fileName, read.problem);
    const content = read.value;
    if (content.length !== meta.size || (await sha256Hex(content)) !== meta.sha256) {
      problems.push({
        sv: `${fileName}: originalfilen till "${meta.fileName}" är inte den som projektledaren importerade (SHA-256 eller storlek skiljer sig). Paketet är skadat.`,
        en: `${fileName}: the original file of "${meta.fileName}" is not the one the lead imported (SHA-256 or size differs). The package is damaged.`,
      });
      continue;
    }
    files.set(f.documentId, content);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, data, files };
}

export async function readCoderCodings(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ReadResult<{ data: CoderCodingsData; unchecked: boolean }>> {
  const opened = await openZip(bytes, fileName, CODER_CODINGS_KIND, false, options.maxUnpacked ?? MAX_CODINGS_UNPACKED);
  if (!opened.ok) return opened;
  // The checksum over the manifest as stored: a file changed after its export is refused.
  const checksum = opened.zip.has(CODINGS_CHECKSUM);
  if (checksum) {
    const stored = await opened.zip.textOf(CODINGS_CHECKSUM, 1024);
    if (!stored.ok) return failZip(fileName, stored.problem);
    const manifestBytes = await opened.zip.bytesOf(MANIFEST, MAX_JSON_BYTES);
    if (!manifestBytes.ok) return failZip(fileName, manifestBytes.problem);
    const expected = stored.value.trim().toLowerCase();
    const actual = await sha256Hex(manifestBytes.value);
    if (expected !== actual) {
      return {
        ok: false,
        problems: [
          {
            sv: `${fileName}: filen har ändrats efter att den exporterades (kontrollsumman stämmer inte med innehållet). Inget importerades. Be kodaren exportera sina kodningar igen.`,
            en: `${fileName}: the file was changed after it was exported (its checksum does not match its content). Nothing was imported. Ask the coder to export their codings again.`,
          },
        ],
      };
    }
  }
  const parsed = CoderCodingsData.safeParse(opened.manifest);
  if (!parsed.success) return { ok: false, problems: schemaProblems(fileName, parsed.error.issues) };
  return { ok: true, data: parsed.data, unchecked: !checksum };
}
