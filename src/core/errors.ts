/**
 * Errors a user can meet: a stable code, and a message in Swedish and English that names
 * the thing (file, project, coder) and the problem. Thrown by the store and shown by the UI.
 */
import type { Language } from './model/common';

export interface UserMessage {
  sv: string;
  en: string;
}

export class OverensError extends Error {
  readonly code: string;
  readonly userMessage: UserMessage;

  constructor(code: string, userMessage: UserMessage, options?: { cause?: unknown }) {
    super(userMessage.en, options);
    this.name = 'OverensError';
    this.code = code;
    this.userMessage = userMessage;
  }

  messageIn(lang: Language): string {
    return this.userMessage[lang];
  }
}

/** Format zod issues as "path: message" lines, for listing problems by path. */
export function formatIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
