/**
 * One codebook version per analysis: a long codings file with the app's `codebook_version` column
 * may hold judgements made under several versions (the app's export writes all of them). An
 * analysis reads the rows of one version — the one asked for (`--version N`), else the highest
 * in the file — and the others are counted and reported, never mixed in.
 */
import type { ScannedCodings } from './codings-scan';

const byNumber = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

/** The versions with rows, in number order ('' — rows without a version — left out). */
export function versionsIn(scan: ScannedCodings): string[] {
  return [...scan.versionRows.keys()].filter((v) => v !== '').sort(byNumber);
}

/**
 * After a scan of every row: the version to read (null: read as it is), or a problem with the
 * one asked for.
 */
export function chooseVersion(scan: ScannedCodings, wanted: string | undefined): { version: string | null; problem?: string } {
  if (!scan.columns.version) return wanted === undefined ? { version: null } : { version: null, problem: `--version ${wanted} needs the column codebook_version (the app's long export has it)` };
  const present = versionsIn(scan);
  if (wanted !== undefined) {
    if (present.includes(wanted)) return { version: wanted };
    return { version: null, problem: `no rows under codebook version ${wanted}; the file has ${present.length ? `version${present.length > 1 ? 's' : ''} ${present.join(', ')}` : 'no version numbers'}` };
  }
  if (scan.versionRows.size <= 1) return { version: null };
  return { version: present.at(-1) ?? null };
}

/** The line for stderr after reading one version: what was left out. */
export function versionNote(scan: ScannedCodings): string | null {
  if (scan.version === null) return null;
  const left = [...scan.versionRows].filter(([v]) => v !== scan.version).sort((a, b) => byNumber(a[0], b[0]));
  if (left.length === 0) return null;
  const others = left.map(([v, rows]) => `${rows} under ${v === '' ? 'no version' : `version ${v}`}`).join(', ');
  return `analysed codebook version ${scan.version}; left out ${left.reduce((n, [, r]) => n + r, 0)} row(s) of other versions (${others}); choose another with --version`;
}
