/**
 * Stream a long codings CSV from disk into the scanner (formats/codings-scan.ts), decoded as the
 * app decodes text files: UTF-8 (BOM dropped); a file that is not valid UTF-8 is read again from
 * the start as Windows-1252, with a warning. A U+FFFD in the text is refused (see read-input.ts).
 */
import { createReadStream } from 'node:fs';
import { decodeWindows1252 } from '../core/text-decoding';
import { CodingsScanner, type ScannedCodings } from '../formats/codings-scan';
import { chooseVersion, versionNote } from '../formats/codings-version';
import { assertFile } from './read-input';
import { InputError } from './io';

const CHUNK = 1 << 20;

async function scanWith(file: string, encoding: 'utf-8' | 'windows-1252', version: string | undefined): Promise<ScannedCodings | 'not-utf-8'> {
  // Windows-1252 through our own table (Node's TextDecoder reads 0x80–0x9F as Latin-1); one byte per character, so chunks decode independently.
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const decoder = encoding === 'utf-8' ? utf8 : { decode: (chunk?: Uint8Array, _options?: { stream: boolean }) => (chunk ? decodeWindows1252(chunk) : '') };
  const scanner = new CodingsScanner(version === undefined ? {} : { version });
  let lines = 0;
  const push = (text: string) => {
    const lost = text.indexOf('\uFFFD');
    if (lost !== -1) {
      const line = lines + text.slice(0, lost).split('\n').length;
      throw new InputError(`${file}:${line}: contains the replacement character U+FFFD (a character lost when the file was saved in another encoding); save it as UTF-8 from the original and try again`);
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    scanner.push(text);
  };
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  try {
    for await (const chunk of stream) push(decoder.decode(chunk as Buffer, { stream: true }));
    push(decoder.decode());
  } catch (error) {
    stream.destroy();
    if (error instanceof TypeError && encoding === 'utf-8') return 'not-utf-8';
    throw error;
  }
  return scanner.finish();
}

/**
 * Read the codings of one codebook version (formats/codings-version.ts): `version` when given, else — for
 * a file with rows of several versions — the highest, in a second pass; what was left out goes
 * to `warn`.
 */
export async function readCodings(file: string, warn: (message: string) => void, options: { version?: string } = {}): Promise<ScannedCodings> {
  await assertFile(file);
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  let scan = await scanWith(file, encoding, options.version);
  if (scan === 'not-utf-8') {
    warn(`${file}: not UTF-8; read as Windows-1252`);
    encoding = 'windows-1252';
    scan = (await scanWith(file, encoding, options.version)) as ScannedCodings;
  }
  if (!scan.columns.version && scan.problems.length > 0) return scan;
  const choice = chooseVersion(scan, options.version);
  if (choice.problem) throw new InputError(`${file}: ${choice.problem}`);
  if (choice.version !== null && options.version === undefined) scan = (await scanWith(file, encoding, choice.version)) as ScannedCodings;
  const note = versionNote(scan);
  if (note) warn(`${file}: ${note}`);
  return scan;
}
