/**
 * The reliability table for export: one row per variable plus the pooled row, each coefficient
 * followed by its 95% CI bounds (empty where not computed) — the columns `overens agreement
 * --csv` prints, so a table from the app and one from the CLI read the same in R, SPSS or Stata.
 * CSV, and XLSX with a second sheet holding the method (coders, documents, codebook version, how
 * the intervals are computed).
 */
import ExcelJS from 'exceljs';
import { CI_KEYS, noteText, type AgreementReport, type AgreementRow } from '../core/agreement';
import type { Language } from '../core';
import { csvText } from './csv-table';

export interface AgreementExportLabels {
  /** The variable's name in the table (its label in the UI language, or its id). */
  variable: (id: string) => string;
  /** Name of the pooled row. */
  pooled: string;
  lang: Language;
}

export const AGREEMENT_COLUMNS = ['variable', 'level', 'kappa_weights', 'units', 'coders', 'pairable_values', ...CI_KEYS.flatMap((k) => [k, `${k}_ci_low`, `${k}_ci_high`]), 'notes'];

export function agreementRows(report: AgreementReport, labels: AgreementExportLabels): (string | number | null)[][] {
  const row = (r: AgreementRow, name: string) => [
    name,
    r.level,
    r.weights,
    r.units,
    r.coders,
    r.pairable_values,
    ...CI_KEYS.flatMap((k) => [r[k], r.ci95[k]?.[0] ?? null, r.ci95[k]?.[1] ?? null]),
    r.notes.map((n) => noteText(n, labels.lang)).join('; '),
  ];
  return [...report.variables.map((r) => row(r, labels.variable(r.variable))), row(report.pooled, labels.pooled)];
}

/** RFC 4180 CSV; `eol` "\r\n" for files people open in spreadsheets, "\n" for the terminal. */
export function agreementCsv(report: AgreementReport, labels: AgreementExportLabels, eol = '\r\n'): string {
  return csvText(AGREEMENT_COLUMNS, agreementRows(report, labels), eol);
}

export async function agreementXlsx(report: AgreementReport, labels: AgreementExportLabels, method: { title: string; lines: readonly string[] }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Överens';
  const sheet = workbook.addWorksheet(labels.lang === 'sv' ? 'Reliabilitet' : 'Reliability');
  sheet.addRow(AGREEMENT_COLUMNS).font = { bold: true };
  for (const r of agreementRows(report, labels)) sheet.addRow(r.map((v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)));
  sheet.getColumn(1).width = 40;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  const about = workbook.addWorksheet(method.title.slice(0, 31));
  for (const line of method.lines) about.addRow([line]);
  about.getColumn(1).width = 120;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
