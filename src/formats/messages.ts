/**
 * Problem lines of the file readers, in Swedish and English (`UserMessage`): the app shows the
 * user's language, the CLI prints `.en`.
 */
import { formatIssues, type UserMessage } from '../core';

/** A problem line in both languages. */
export const msg = (sv: string, en: string): UserMessage => ({ sv, en });

/** The same prefix (a file or source name, "name: ") before both texts. */
export const prefixed = (prefix: string, m: UserMessage): UserMessage => ({ sv: `${prefix}${m.sv}`, en: `${prefix}${m.en}` });

/**
 * Schema issues as "path: message" lines. They are not translated: the path names fields of the
 * file and the messages are the schemas' own (English) texts, so both languages get the same line.
 */
export const issueMessages = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): UserMessage[] => formatIssues(issues).map((line) => ({ sv: line, en: line }));

/** The English texts (the CLI's language and its `--json` contract). */
export const english = (messages: readonly UserMessage[]): string[] => messages.map((m) => m.en);
