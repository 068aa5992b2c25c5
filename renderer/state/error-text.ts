/**
 * How an error is said to a user: an OverensError in its own words (both languages); anything
 * else — a library's error, a schema's issues — in our words in both languages, its original
 * (as a rule English) text kept as `details` for a toggle.
 */
import { ZodError } from 'zod';
import { OverensError, formatIssues, type UserMessage } from '../../src/core';

export function describeError(error: unknown): { message: UserMessage; details?: string } {
  if (error instanceof OverensError) return { message: error.userMessage };
  if (error instanceof ZodError) {
    const count = error.issues.length;
    return { message: { sv: `Uppgifterna stämmer inte med det väntade formatet (${count} problem).`, en: `The data does not match the expected format (${count} problems).` }, details: formatIssues(error.issues).join('\n') };
  }
  return { message: { sv: 'Ett oväntat fel inträffade.', en: 'An unexpected error occurred.' }, details: error instanceof Error ? error.message : String(error) };
}
