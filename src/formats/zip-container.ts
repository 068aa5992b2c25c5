/**
 * Opening the app's own zip containers (project backups, coder packages, codings files) through the
 * one bounded reader (src/core/zip): what the caps are, and how a reader's problems read. Nothing is
 * unpacked beyond a cap, whatever sizes the file declares.
 */
import { ZipArchive, formatBytes, type ZipLimits, type ZipProblem } from '../core';

const MB = 1024 * 1024;

/** The JSON part of a backup or package (records of one project; 1,000 coded agreements ≈ 60 MB). */
export const MAX_JSON_BYTES = 256 * MB;
/** One original document inside a backup or package (the import's own limit). */
export const MAX_FILE_BYTES = 512 * MB;
/** Everything one backup or package may unpack to: what a browser tab can hold and store at once. */
export const MAX_CONTAINER_BYTES = 2048 * MB;
/** Entries: the documents plus a few. */
export const MAX_CONTAINER_ENTRIES = 100_000;

export function containerLimits(maxTotalBytes = MAX_CONTAINER_BYTES): ZipLimits {
  return { maxEntries: MAX_CONTAINER_ENTRIES, maxEntryBytes: Math.min(MAX_FILE_BYTES, maxTotalBytes), maxTotalBytes };
}

/**
 * Opens a container: the central directory only. An honest bomb — entries that together say they
 * unpack to more than the cap — is refused here, before anything is unpacked; a lying one is
 * stopped by the reader at the size each entry claims.
 */
export function openContainer(bytes: Uint8Array, limits: ZipLimits): { ok: true; zip: ZipArchive } | { ok: false; problem: ZipProblem } {
  const opened = ZipArchive.open(bytes, limits);
  if (!opened.ok) return { ok: false, problem: opened.problem };
  const declared = opened.value.declaredSize;
  if (declared > limits.maxTotalBytes) {
    const total = formatBytes(limits.maxTotalBytes);
    return {
      ok: false,
      problem: {
        code: 'total-too-large',
        detail: `declares ${declared} bytes in all, more than ${total}`,
        message: { sv: `innehållet packas upp till ${formatBytes(declared)}, mer än ${total} sammanlagt`, en: `the contents unpack to ${formatBytes(declared)}, more than ${total} in all` },
      },
    };
  }
  return { ok: true, zip: opened.value };
}

/** A size problem says the cap; any other is damage. */
export function isSizeProblem(problem: ZipProblem): boolean {
  return problem.code === 'entry-too-large' || problem.code === 'total-too-large' || problem.code === 'too-many-entries';
}

/** At most `max` names, each at most 200 characters, and how many more. */
export function nameList(names: readonly string[], max = 20): string {
  const shown = names.slice(0, max).map((n) => (n.length > 200 ? `${n.slice(0, 200)}…` : n));
  return shown.join(', ') + (names.length > max ? ` … (+${names.length - max})` : '');
}


/** JSON.parse with the error's text cut (a hostile file can make it long). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; detail: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, detail: detail.length > 200 ? `${detail.slice(0, 200)}…` : detail };
  }
}
