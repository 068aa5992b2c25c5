/**
 * The registry of CLI commands: name, one line for the command list, and the module (in this
 * folder) loaded only when the command runs — so `overens --version` and `--help` load none of
 * them (nor pdf.js, exceljs, …).
 */
import type { CliCommand } from '../io';

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CliCommand>;
}

export const commands: CommandEntry[] = [
  { name: 'extract', summary: 'extract text from PDF/DOCX/TXT files as the app imports them', load: async () => (await import('./extract')).extractCommand },
  { name: 'agreement', summary: 'inter-rater agreement (κ, π, AC1, α …) per variable from codings.csv', load: async () => (await import('./agreement')).agreementCommand },
  { name: 'unitizing', summary: 'agreement on highlighted passages (α_U, uα, |uα, cuα)', load: async () => (await import('./unitizing')).unitizingCommand },
  { name: 'prevalence', summary: 'prevalence of each value per variable, split by a document attribute', load: async () => (await import('./prevalence')).prevalenceCommand },
  { name: 'qdpx', summary: 'check REFI-QDA (.qdpx) packages as the app imports them', load: async () => (await import('./qdpx')).qdpxCommand },
  { name: 'convert', summary: 'convert between .qdpx and the statistics CSV formats (long, wide, segments; CSV/XLSX)', load: async () => (await import('./convert')).convertCommand },
  { name: 'suggest', summary: 'propose values for uncoded documents, learned from codings.csv (assisted coding)', load: async () => (await import('./suggest')).suggestCommand },
];
