/** Choose the Platform: the Electron bridge when the preload exposed it, else the web build's. */
import { createElectronPlatform } from './electron-bridge';
import type { Platform } from './platform';
import { createWebPlatform } from './web';

export type { Platform } from './platform';

export function getPlatform(): Platform {
  return window.overens ? createElectronPlatform(window.overens) : createWebPlatform();
}
