/**
 * The assist Web Worker: training and proposals off the UI thread. The protocol and all the
 * work are `createAssistSession` in src/core/assist/session.ts (tested in Node); this file only
 * connects it to the worker's messages. Start it with
 * `new Worker(new URL('./assist.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { createAssistSession, type AssistRequest, type AssistResponse } from '../../src/core/assist';

const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<AssistRequest>) => void) | null; postMessage(message: AssistResponse): void };
const session = createAssistSession((message) => scope.postMessage(message));
scope.onmessage = (event) => session.handle(event.data);
