/**
 * Codebook JSON exchange: an Överens codebook/template file (`format: "overens-codebook"`),
 * validated on import with every problem listed by its path, nothing imported when any is found.
 * Problems are in Swedish and English; a schema issue ("path: message", the model's own message)
 * reads the same in both.
 */
import { CodebookTemplate, type Codebook, type CodebookVersion, type UserMessage } from '../core';
import { issueMessages, msg } from './messages';

/** A codebook version as a template: what export writes and what a new project can start from. */
export function codebookAsTemplate(codebook: Codebook, version: CodebookVersion): CodebookTemplate {
  return {
    format: 'overens-codebook',
    formatVersion: 1,
    id: codebook.templateId ?? codebook.id,
    name: codebook.name,
    description: codebook.description,
    source: `${version.note ? `${version.note} — ` : ''}version ${version.number}`,
    language: 'sv',
    content: version.content,
  };
}

export function exportCodebookJson(codebook: Codebook, version: CodebookVersion): string {
  return `${JSON.stringify(codebookAsTemplate(codebook, version), null, 2)}\n`;
}

export type CodebookImport = { ok: true; template: CodebookTemplate } | { ok: false; problems: UserMessage[] };

export function parseCodebookJson(text: string): CodebookImport {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [msg(`inte giltig JSON: ${detail}`, `not valid JSON: ${detail}`)] };
  }
  const result = CodebookTemplate.safeParse(json);
  return result.success ? { ok: true, template: result.data } : { ok: false, problems: issueMessages(result.error.issues) };
}
