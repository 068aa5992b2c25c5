/** `--codebook FILE`: an Överens codebook/template JSON (as shipped or exported) or a REFI-QDA .qdc. */
import path from 'node:path';
import type { CodebookContent } from '../core';
import { parseCodebookJson } from '../formats/codebook-json';
import { english } from '../formats/messages';
import { decodeQdc, readQdc } from '../formats/refi-qda-codebook';
import { InputError } from './io';
import { decodeInput, readBytes } from './read-input';

export async function readCodebook(file: string, warn: (message: string) => void): Promise<CodebookContent> {
  const bytes = await readBytes(file);
  if (path.extname(file).toLowerCase() === '.qdc') {
    const read = readQdc(decodeQdc(bytes), path.basename(file));
    if (!read.ok) throw new InputError(`${file}: not a codebook that can be read:\n${english(read.problems).map((l) => `  ${l}`).join('\n')}`);
    for (const p of english(read.problems)) warn(`${file}: ${p}`);
    return read.template.content;
  }
  const parsed = parseCodebookJson(decodeInput(file, bytes, warn));
  if (!parsed.ok) throw new InputError(`${file}: not a valid codebook:\n${english(parsed.problems).map((l) => `  ${l}`).join('\n')}`);
  return parsed.template.content;
}
