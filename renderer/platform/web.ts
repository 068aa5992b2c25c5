/**
 * Platform for the plain web build: <input type=file> to open, a blob download to save. The
 * browser cannot reveal files in a folder.
 */
import type { FileFilter, OpenedFile, OpenFilesOptions, Platform, SaveResult } from './platform';

export function acceptAttribute(filters: readonly FileFilter[] | undefined): string {
  if (!filters) return '';
  const exts = filters.flatMap((f) => f.extensions).filter((e) => e !== '*');
  return exts.map((e) => `.${e.toLowerCase()}`).join(',');
}

export async function readFiles(files: Iterable<File>): Promise<OpenedFile[]> {
  return Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), lastModified: f.lastModified })));
}

export function createWebPlatform(doc: Document = document): Platform {
  return {
    kind: 'web',
    canRevealInFolder: false,
    openFiles(options: OpenFilesOptions = {}): Promise<OpenedFile[]> {
      return new Promise((resolve, reject) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.multiple = options.multiple ?? true;
        input.accept = acceptAttribute(options.filters);
        input.style.display = 'none';
        input.dataset.testid = 'platform-file-input';
        const done = () => input.remove();
        input.addEventListener('change', () => {
          readFiles(input.files ?? []).then(resolve, reject).finally(done);
        });
        input.addEventListener('cancel', () => {
          done();
          resolve([]);
        });
        doc.body.append(input);
        input.click();
      });
    },
    async saveFile(suggestedName: string, bytes: Uint8Array): Promise<SaveResult> {
      const blob = new Blob([bytes.slice()]);
      const url = URL.createObjectURL(blob);
      const a = doc.createElement('a');
      a.href = url;
      a.download = suggestedName;
      doc.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true };
    },
    async revealInFolder(): Promise<void> {
      // Browsers give pages no access to the file system's folders.
    },
    async appVersion(): Promise<string> {
      return __APP_VERSION__;
    },
    systemLanguage(): string {
      return navigator.language || 'en';
    },
  };
}
