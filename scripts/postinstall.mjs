// `npm install` / `npm ci`, after the dependencies are in place: fetch Electron's binary where
// it can be downloaded, and say in one line what `npm start` will do where it cannot. Never fails
// the install (see scripts/electron-binary.mjs for why the electron package's own script is off).
import { ensureElectron } from './electron-binary.mjs';

// The `overens` command runs from a bundle (dist-cli/), so `npx overens` works right after the
// install with nothing transpiled at start. esbuild is a development dependency: an install
// without them leaves the bundle to bin/overens.mjs' first run (which says so).
try {
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
  console.log('Built the overens command (dist-cli/).');
} catch (error) {
  console.log(`The overens command was not built now (${error instanceof Error ? error.message.split('\n')[0] : error}); its first run builds it.`);
}

const { binary, reason } = await ensureElectron({ log: (line) => console.log(line) });
if (binary) console.log(`Electron is installed; \`npm start\` opens the desktop app.`);
else console.log(`Electron's binary is not available (${reason}); \`npm start\` will serve the web version instead.`);
