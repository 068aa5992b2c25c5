// Bundle the Electron main process and the sandboxed preload into single CommonJS files in
// dist-electron/ (a sandboxed preload cannot require our modules, so it must be one file).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
console.log('Built dist-electron/main.cjs and dist-electron/preload.cjs');
