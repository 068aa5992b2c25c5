/** Choose the Platform: the Electron bridge when the preload exposed it, else the web build's. */
import { createElectronPlatform, type OverensBridge } from './electron-bridge';
import type { Platform } from './platform';
import { createWebPlatform } from './web';

export type { Platform } from './platform';

/** `host` is the page's window; tests pass a stand-in. */
export function getPlatform(host: { overens?: OverensBridge; document: Document } = window): Platform {
  return host.overens ? createElectronPlatform(host.overens) : createWebPlatform(host.document);
}
