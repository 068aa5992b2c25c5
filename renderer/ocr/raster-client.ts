/** The UI thread's side of the raster worker (raster.worker.ts): one document open at a time. */
import type { EncodedRaster } from '../../src/ingest/ocr';
import type { RasterRequest, RasterResponse } from './raster.worker';

type Body = { open: Uint8Array; password?: string } | { page: number } | { close: true };

export class RasterClient {
  private readonly worker = new Worker(new URL('./raster.worker.ts', import.meta.url), { type: 'module', name: 'ocr-raster' });
  private readonly pending = new Map<number, { resolve: (r: RasterResponse) => void; reject: (e: Error) => void }>();
  private next = 1;

  constructor() {
    this.worker.onmessage = (e: MessageEvent<RasterResponse>) => {
      const job = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      if (e.data.error !== undefined) job?.reject(new Error(e.data.error));
      else job?.resolve(e.data);
    };
  }

  private send(body: Body): Promise<RasterResponse> {
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...body } as RasterRequest);
    });
  }

  async open(bytes: Uint8Array, password?: string): Promise<number> {
    return (await this.send({ open: bytes, password })).pages ?? 0;
  }

  async page(page: number): Promise<EncodedRaster> {
    const { raster } = await this.send({ page });
    if (!raster) throw new Error(`page ${page} gave no raster`);
    return raster;
  }

  async close(): Promise<void> {
    await this.send({ close: true });
  }

  dispose(): void {
    this.worker.terminate();
    for (const job of this.pending.values()) job.reject(new Error('OCR stopped'));
    this.pending.clear();
  }
}
