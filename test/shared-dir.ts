/**
 * The shared material (corpus, peers, REFI-QDA schema) lies beside the repository: `../shared`
 * in a clone (CI), or further up for a git worktree (e.g. /work/wt/cli → /work/shared).
 * OVERENS_SHARED overrides.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(new URL('..', import.meta.url).pathname);

function find(): string {
  if (process.env.OVERENS_SHARED) return path.resolve(process.env.OVERENS_SHARED);
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared');
    if (existsSync(path.join(candidate, 'corpus')) || existsSync(path.join(candidate, 'refi-qda'))) return candidate;
    if (path.dirname(dir) === dir) return path.join(path.dirname(root), 'shared');
  }
}

export const SHARED = find();
export const shared = (...parts: string[]): string => path.join(SHARED, ...parts);
