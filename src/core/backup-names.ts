/**
 * Names and rotation of automatic backups. A backup's name ends in a UTC timestamp
 * (`YYYYMMDD-HHMMSSZ`), so names sort by the moment they were written whatever the time zone and
 * across clock changes (in autumn, local 02:00–03:00 happens twice). Names written by earlier
 * releases carry local time without the `Z`; they are read as local time of this machine.
 */

/** `YYYYMMDD-HHMMSSZ` in UTC. */
export function backupTimestamp(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}-${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}Z`;
}

/** The moment a timestamp stands for (ms since the epoch), or null when it is not one. */
export function parseBackupTimestamp(stamp: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(Z?)$/.exec(stamp);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const at = m[7] ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
  return Number.isFinite(at) ? at : null;
}

/**
 * Which of a project's backups to delete after `written` was saved, keeping `keep` in all: the file
 * just written always stays, then the newest others by their timestamp (ties by name). `names`
 * are the backups of one stem, `written` among them or not.
 */
export function backupsToRemove(names: readonly { name: string; stamp: string }[], written: string, keep: number): string[] {
  const others = names
    .filter((n) => n.name !== written)
    .map((n) => ({ name: n.name, at: parseBackupTimestamp(n.stamp) ?? -Infinity }))
    .sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  return others.slice(Math.max(0, keep - 1)).map((n) => n.name);
}
