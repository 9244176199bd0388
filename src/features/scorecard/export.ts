// The scorecard as CSV and XLSX: one row per measure with the same figures the page shows (small
// numbers already withheld for viewers who see figures only), England's figure, target and RAG,
// and the monthly trend.
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import type { Scorecard } from './service.ts';

type Value = string | number | null;

function table(card: Scorecard): { header: string[]; rows: Value[][] } {
  const months = card.rows[0]?.monthly.map((p) => p.at) ?? [];
  const header = [
    'Measure id',
    'Measure',
    'Unit',
    `Value on ${card.at}`,
    'Numerator',
    'Denominator',
    'Note',
    'England',
    'England period',
    'Difference from England',
    'Target',
    'Target direction',
    'RAG',
    ...months.map((m) => `Value on ${m}`),
    'Definition',
    'Source',
  ];
  const rows = card.rows.map((r): Value[] => [
    r.id,
    r.title,
    r.unit,
    r.figure.value,
    r.figure.numerator,
    r.figure.denominator,
    r.figure.reason ?? '',
    r.england?.value ?? null,
    r.england?.period ?? '',
    r.england?.difference ?? null,
    r.target?.value ?? null,
    r.target?.direction ?? '',
    r.rag ?? '',
    ...r.monthly.map((p) => p.value),
    r.definition,
    r.source,
  ]);
  return { header, rows };
}

export function scorecardCsv(card: Scorecard): string {
  const { header, rows } = table(card);
  return stringify([header, ...rows.map((r) => r.map((v) => (v === null ? '' : v)))]);
}

export async function scorecardXlsx(card: Scorecard): Promise<Buffer> {
  const { header, rows } = table(card);
  const data: Row[] = [
    header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...rows.map((r): Row => r.map((v) => (v === null ? null : v))),
  ];
  return writeXlsxFile(data, { sheet: 'Scorecard' }).toBuffer();
}
