// `npm install` / `npm ci`, after the dependencies are in place: fetch Electron's binary where
// it can be downloaded, and say in one line what `npm start` will do where it cannot. Never fails
// the install (see scripts/electron-binary.mjs for why the electron package's own script is off).
import { ensureElectron } from './electron-binary.mjs';

const { binary, reason } = await ensureElectron({ log: (line) => console.log(line) });
if (binary) console.log(`Electron is installed; \`npm start\` opens the desktop app.`);
else console.log(`Electron's binary is not available (${reason}); \`npm start\` will serve the web version instead.`);
