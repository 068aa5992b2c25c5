/**
 * Imported first by the renderer's entry (main.tsx): zod's object parser probes whether it may
 * compile code with `new Function`, which the app's CSP (no 'unsafe-eval') refuses — a CSP
 * violation on every page load. Jitless parsing needs no eval and is what the CSP allows.
 */
import { z } from 'zod';

z.config({ jitless: true });
