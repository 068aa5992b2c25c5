/** See cli-bundle.mjs: whether dist-cli/ is current with the sources, and an atomic rebuild. */
export function newestSource(root: string): { file: string; mtimeMs: number } | null;
export function bundleState(root: string, bundleDir?: string): { state: 'fresh' } | { state: 'missing' } | { state: 'stale'; newer: string };
export function rebuildBundle(root: string, bundleDir?: string): Promise<void>;
