/**
 * Codebook JSON exchange: an Överens codebook/template file (`format: "overens-codebook"`),
 * validated on import with every problem listed by its path, nothing imported when any is found.
 */
import { CodebookTemplate, formatIssues, type Codebook, type CodebookVersion } from '../core';

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

export type CodebookImport = { ok: true; template: CodebookTemplate } | { ok: false; problems: string[] };

export function parseCodebookJson(text: string): CodebookImport {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const result = CodebookTemplate.safeParse(json);
  return result.success ? { ok: true, template: result.data } : { ok: false, problems: formatIssues(result.error.issues) };
}
