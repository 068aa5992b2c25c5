/**
 * Prevalence tables for export: CSV (one long table) and XLSX (one sheet per variable, labelled
 * in the chosen language, like the report's Bilaga 2 tables), via exceljs.
 */
import ExcelJS from 'exceljs';
import type { VariablePrevalence } from '../core/prevalence';
import { csvField } from './csv-safe';

export interface PrevalenceLabels {
  /** Heading of the group column (the attribute, e.g. "Nivå"). */
  by: string;
  variable: (id: string) => string;
  value: (variableId: string, valueId: string) => string;
  group: (group: string) => string;
  n: string;
  missing: string;
}

/** Quoted where needed (also for ";", Swedish Excel's separator), neutralised against formula injection (csv-safe.ts). */
const csvCell = (v: string | number | null): string => csvField(v, ';');

export function prevalenceCsv(tables: readonly VariablePrevalence[], labels: PrevalenceLabels): string {
  const rows: (string | number | null)[][] = [['variable', labels.by, 'n', 'missing', 'value', 'count', 'percent']];
  for (const t of tables) {
    for (const g of t.groups) {
      for (const v of g.values) rows.push([labels.variable(t.variable), labels.group(g.group), g.n, g.missing, labels.value(t.variable, v.value), v.count, v.percent]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Tabell';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

export async function prevalenceXlsx(tables: readonly VariablePrevalence[], labels: PrevalenceLabels): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Överens';
  const taken = new Set<string>();
  for (const t of tables) {
    const sheet = workbook.addWorksheet(sheetName(labels.variable(t.variable), taken));
    const values = t.groups[0]?.values.map((v) => v.value) ?? [];
    sheet.addRow([labels.variable(t.variable)]).font = { bold: true };
    const header = sheet.addRow([labels.by, labels.n, labels.missing, ...values.map((v) => `${labels.value(t.variable, v)}, %`)]);
    header.font = { bold: true };
    for (const g of t.groups) {
      sheet.addRow([labels.group(g.group), g.n, g.missing, ...g.values.map((v) => (v.percent === null ? null : Math.round(v.percent * 10) / 10))]);
    }
    sheet.addRow([]);
    sheet.addRow([`${labels.by}`, labels.n, labels.missing, ...values.map((v) => `${labels.value(t.variable, v)}, n`)]).font = { italic: true };
    for (const g of t.groups) sheet.addRow([labels.group(g.group), g.n, g.missing, ...g.values.map((v) => v.count)]);
    sheet.getColumn(1).width = 28;
    for (let c = 2; c <= values.length + 3; c++) sheet.getColumn(c).width = 16;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
