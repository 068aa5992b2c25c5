/**
 * Problem lines of the file readers, in Swedish and English (`UserMessage`): the app shows the
 * user's language, the CLI prints `.en`.
 */
import { formatIssues, type UserMessage } from '../core';
import { issueTextSv } from './issue-text';

/** A problem line in both languages. */
export const msg = (sv: string, en: string): UserMessage => ({ sv, en });

/** The same prefix (a file or source name, "name: ") before both texts. */
export const prefixed = (prefix: string, m: UserMessage): UserMessage => ({ sv: `${prefix}${m.sv}`, en: `${prefix}${m.en}` });

/**
 * Schema issues as "path: message" lines. The path names fields of the file (the same in both
 * languages); the English line is the schema's own text, the Swedish one says it in Swedish
 * (`issue-text.ts`).
 */
export const issueMessages = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): UserMessage[] => {
  const en = formatIssues(issues);
  const sv = formatIssues(issues.map((issue) => ({ path: issue.path, message: issueTextSv(issue) })));
  return en.map((line, i) => ({ sv: sv[i]!, en: line }));
};

/** The English texts (the CLI's language and its `--json` contract). */
export const english = (messages: readonly UserMessage[]): string[] => messages.map((m) => m.en);
