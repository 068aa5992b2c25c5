/** The OCR queue in React: feed it the project's waiting documents, and read its progress. */
import { useEffect, useSyncExternalStore } from 'react';
import { liveQuery } from 'dexie';
import { useStore } from '../state/store-context';
import { ocrQueue, type OcrQueueState } from './ocr-queue';

/** Keep the queue fed with the project's documents that wait for OCR (new imports, and after a reload). */
export function useOcrFeed(projectId: string | undefined): void {
  const store = useStore();
  useEffect(() => {
    if (!projectId) return;
    const queue = ocrQueue(store);
    const subscription = liveQuery(() => store.ocr.pending(projectId)).subscribe({ next: (docs) => queue.offer(docs), error: () => undefined });
    return () => subscription.unsubscribe();
  }, [store, projectId]);
}

export function useOcrState(): OcrQueueState {
  const queue = ocrQueue(useStore());
  return useSyncExternalStore(queue.subscribe, queue.snapshot);
}
