/**
 * Platform for the plain web build: <input type=file> to open (resolving [] when the picker is
 * cancelled, via the input's `cancel` event), a blob-URL download to save. The browser cannot
 * reveal files in a folder. The version comes from Vite's `__APP_VERSION__` define.
 */
import type { FileFilter, OpenedFile, OpenFilesOptions, Platform, SaveResult } from './platform';

/** How long a download's blob URL stays valid: long enough for the browser to start the download. */
const REVOKE_AFTER_MS = 60_000;

export function acceptAttribute(filters: readonly FileFilter[] | undefined): string {
  if (!filters) return '';
  const exts = filters.flatMap((f) => f.extensions);
  if (exts.includes('*')) return '';
  return exts.map((e) => `.${e.toLowerCase()}`).join(',');
}

export async function readFiles(files: Iterable<File>): Promise<OpenedFile[]> {
  return Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), lastModified: f.lastModified })));
}

export interface WebPlatformEnv {
  document: Document;
  navigator: Pick<Navigator, 'language'>;
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  setTimeout: (run: () => void, ms: number) => unknown;
  version: string;
}

function browserEnv(doc: Document): WebPlatformEnv {
  return {
    document: doc,
    // Read when asked, not when the platform is made.
    navigator: {
      get language() {
        return navigator.language;
      },
    },
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    setTimeout: (run, ms) => setTimeout(run, ms),
    version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev',
  };
}

/** The web Platform; `env` replaces the browser's globals in tests. */
export function createWebPlatform(doc: Document = document, env: WebPlatformEnv = browserEnv(doc)): Platform {
  return {
    kind: 'web',
    canRevealInFolder: false,
    // A browser cannot write into a folder on a schedule: backups are made on demand (downloads).
    backupFolder: null,
    openFiles(options: OpenFilesOptions = {}): Promise<OpenedFile[]> {
      return new Promise((resolve, reject) => {
        const input = env.document.createElement('input');
        input.type = 'file';
        input.multiple = options.multiple ?? true;
        input.accept = acceptAttribute(options.filters);
        input.style.display = 'none';
        input.dataset.testid = 'platform-file-input';
        const done = () => input.remove();
        input.addEventListener('change', () => {
          readFiles(input.files ?? []).finally(done).then(resolve, reject);
        });
        input.addEventListener('cancel', () => {
          done();
          resolve([]);
        });
        env.document.body.append(input);
        input.click();
      });
    },
    async saveFile(suggestedName: string, bytes: Uint8Array): Promise<SaveResult> {
      const url = env.createObjectURL(new Blob([bytes.slice()]));
      const a = env.document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.style.display = 'none';
      env.document.body.append(a);
      a.click();
      a.remove();
      env.setTimeout(() => env.revokeObjectURL(url), REVOKE_AFTER_MS);
      return { saved: true };
    },
    async revealInFolder(): Promise<void> {
      // Browsers give pages no access to the file system's folders (canRevealInFolder is false).
    },
    async appVersion(): Promise<string> {
      return env.version;
    },
    systemLanguage(): string {
      return env.navigator.language || 'en';
    },
  };
}
