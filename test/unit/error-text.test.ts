// Errors in the user's language all the way down: a library's English text never is the message,
// it is kept as details (issue 19). The expected texts are the ones written in error-text.ts.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OverensError } from '../../src/core';
import { describeError } from '../../renderer/state/error-text';

describe('describeError', () => {
  it('keeps our own errors as they are', () => {
    const own = new OverensError('x', { sv: 'Projektet finns inte.', en: 'The project does not exist.' });
    expect(describeError(own)).toEqual({ message: { sv: 'Projektet finns inte.', en: 'The project does not exist.' } });
  });

  it('says a schema error and a library error in our words, with the original text as details', () => {
    const zod = z.object({ a: z.string() }).safeParse({}).error!;
    const described = describeError(zod);
    expect(described.message).toEqual({ sv: 'Uppgifterna stämmer inte med det väntade formatet (1 problem).', en: 'The data does not match the expected format (1 problems).' });
    expect(described.details).toBe('a: Invalid input: expected string, received undefined');
    const zip = describeError(new Error("Corrupted zip: can't find end of central directory"));
    expect(zip).toEqual({ message: { sv: 'Ett oväntat fel inträffade.', en: 'An unexpected error occurred.' }, details: "Corrupted zip: can't find end of central directory" });
  });
});
