// Reading an action plan from CSV in the shape councils already keep it (the Sufficiency Strategy
// action plan: Recommendation, Actions, Timescale, Progress Update ...), plus who owns each action.
// Pure: the caller passes the users and measure ids it knows and today's date. All-or-nothing: the
// result is either every row, checked, or every problem found, each named by file, line and field.
//
// Columns (the header row; names match case-insensitively, in any order):
//   Actions (or Action)          required: what will be done
//   Timescale                    required: "March 2022" (its last day), "31/03/2022", "2022-03-31" or "Ongoing"
//   Owner                        required: a user's username or full name
//   RAG                          red, amber, green or complete; may be left out when each
//                                Progress Update starts with it ("GREEN: Completed ...")
//   Recommendation (or Priority) optional: the theme the action serves
//   Progress Update ...          optional: a progress update, dated by "Progress Update March 2023"
//                                in the header (the month's last day), else by an "Update date" column,
//                                else today
//   Update date                  optional: the date of each row's progress update
//   Measures                     optional: measure ids, separated by ";" or ","
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { IsoDate } from '../../domain/dates/index.ts';
import { isRag, type Rag } from './rag.ts';
import { parseTimescale } from './timescale.ts';

export interface KnownUser {
  id: number;
  username: string;
  displayName: string;
}

export interface ImportProblem {
  file: string;
  /** 1-based line of the file where the row starts (1 = the header); 0 for the file as a whole. */
  line: number;
  field: string;
  message: string;
}

export interface ImportRow {
  line: number;
  theme: string;
  title: string;
  ownerId: number;
  due: IsoDate | null;
  rag: Rag;
  update: { date: IsoDate; text: string } | null;
  measureIds: string[];
}

export type ImportResult =
  { ok: true; rows: ImportRow[] } | { ok: false; problems: ImportProblem[] };

export interface ImportContext {
  users: readonly KnownUser[];
  measureIds: ReadonlySet<string>;
  today: IsoDate;
}

/** Most rows one file may hold: an action plan is tens of rows, not thousands. */
export const MAX_IMPORT_ROWS = 2000;

const COLUMN_NAMES: Record<string, string[]> = {
  title: ['actions', 'action'],
  timescale: ['timescale', 'timescales', 'due date'],
  owner: ['owner', 'lead', 'action owner'],
  rag: ['rag', 'rag rating', 'status'],
  theme: ['recommendation', 'priority', 'theme'],
  updateDate: ['update date', 'progress date'],
  measures: ['measures', 'measure', 'linked measures'],
};

const COLUMN_LABEL: Record<string, string> = {
  title: 'Actions',
  timescale: 'Timescale',
  owner: 'Owner',
  rag: 'RAG',
  theme: 'Recommendation',
  update: 'Progress Update',
  updateDate: 'Update date',
  measures: 'Measures',
};

/** Bytes → text: UTF-8 (with or without BOM), else Windows-1252 as Excel saves "CSV". */
function decode(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252');
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Why these bytes are not a CSV file, or null when they may be one. */
function notCsv(bytes: Uint8Array, file: string): string | null {
  const head = bytes.subarray(0, 8192);
  if (head[0] === 0x50 && head[1] === 0x4b)
    return `${file} is a spreadsheet or zip file, not CSV: save it as “CSV UTF-8 (comma delimited)” and upload that`;
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46)
    return `${file} is a PDF, not a CSV file`;
  if (head.includes(0)) return `${file} is not a CSV file (it holds binary data)`;
  return null;
}

function lastDayOfMonthHeader(header: string): IsoDate | null {
  const rest = header.replace(/^progress update/i, '').trim();
  if (!rest) return null;
  const t = parseTimescale(rest);
  return t.ok ? t.due : null;
}

export function parsePlanCsv(file: string, bytes: Uint8Array, ctx: ImportContext): ImportResult {
  const whole = (message: string, field = 'file'): ImportResult => ({
    ok: false,
    problems: [{ file, line: 0, field, message }],
  });
  if (bytes.length === 0 || decode(bytes).trim() === '')
    return whole(`${file} is empty: it needs a header row and at least one action`);
  const binary = notCsv(bytes, file);
  if (binary) return whole(binary);

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decode(bytes), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    return {
      ok: false,
      problems: [
        {
          file,
          line,
          field: 'file',
          message: `${file} could not be read as CSV near line ${String(line)}: ${(err as Error).message}`,
        },
      ],
    };
  }
  const [head, ...body] = records;
  if (!head) return whole(`${file} is empty: it needs a header row and at least one action`);

  // Which column holds what.
  const headers = head.record.map((h) => h.trim());
  const col: Record<string, number> = {};
  headers.forEach((h, i) => {
    const name = h.toLowerCase().replace(/\s+/g, ' ');
    for (const [key, names] of Object.entries(COLUMN_NAMES))
      if (names.includes(name) && col[key] === undefined) col[key] = i;
    if (/^progress update\b/.test(name) && col.update === undefined) col.update = i;
  });
  const headerUpdateDate =
    col.update !== undefined ? lastDayOfMonthHeader(headers[col.update] ?? '') : null;

  const problems: ImportProblem[] = [];
  for (const key of ['title', 'timescale', 'owner'])
    if (col[key] === undefined)
      problems.push({
        file,
        line: 1,
        field: COLUMN_LABEL[key] ?? key,
        message: `${file} has no ${COLUMN_LABEL[key] ?? key} column (the header row is line 1)`,
      });
  if (col.rag === undefined && col.update === undefined)
    problems.push({
      file,
      line: 1,
      field: 'RAG',
      message: `${file} has no RAG column, and no Progress Update column to read the RAG from`,
    });
  if (problems.length > 0) return { ok: false, problems };

  const byUsername = new Map(ctx.users.map((u) => [u.username.toLowerCase(), u]));
  const byName = new Map<string, KnownUser[]>();
  for (const u of ctx.users) {
    const k = u.displayName.toLowerCase().trim();
    byName.set(k, [...(byName.get(k) ?? []), u]);
  }

  const rows: ImportRow[] = [];
  let prevEnd = head.info.lines;
  for (const { record, info } of body) {
    const line = prevEnd + 1;
    prevEnd = info.lines;
    if (record.every((c) => c.trim() === '')) continue;
    if (rows.length + problems.length >= MAX_IMPORT_ROWS) {
      problems.push({
        file,
        line,
        field: 'file',
        message: `${file} has more than ${String(MAX_IMPORT_ROWS)} rows: split it into smaller files`,
      });
      break;
    }
    const cell = (key: string): string => {
      const i = col[key];
      return i === undefined ? '' : (record[i] ?? '').trim();
    };
    const bad = (key: string, message: string) =>
      problems.push({ file, line, field: COLUMN_LABEL[key] ?? key, message });
    const before = problems.length;
    const fail = bad;

    const title = cell('title');
    if (!title) fail('title', 'Actions is empty: enter what will be done');

    const timescaleText = cell('timescale');
    let due: IsoDate | null = null;
    if (!timescaleText) fail('timescale', 'Timescale is empty: enter a date, a month or “Ongoing”');
    else {
      const t = parseTimescale(timescaleText);
      if (t.ok) due = t.due;
      else
        fail(
          'timescale',
          `Timescale “${timescaleText}” is not a date: use a month (March 2022), a date (31/03/2022) or “Ongoing”`,
        );
    }

    const ownerText = cell('owner');
    let ownerId = 0;
    if (!ownerText) fail('owner', 'Owner is empty: enter the username or full name of a user');
    else {
      const byU = byUsername.get(ownerText.toLowerCase());
      const byN = byName.get(ownerText.toLowerCase()) ?? [];
      if (byU) ownerId = byU.id;
      else if (byN.length === 1 && byN[0]) ownerId = byN[0].id;
      else if (byN.length > 1)
        fail('owner', `Owner “${ownerText}” matches more than one user: use their username`);
      else fail('owner', `Owner “${ownerText}” is not a known user of Hearth`);
    }

    const updateText = cell('update');
    const ragText = cell('rag');
    let rag: Rag | null = null;
    if (ragText) {
      const v = ragText.toLowerCase();
      if (isRag(v)) rag = v;
      else fail('rag', `RAG “${ragText}” is not one of red, amber, green or complete`);
    } else {
      const prefix = /^([A-Za-z]+)\s*:/.exec(updateText);
      const v = prefix?.[1]?.toLowerCase() ?? '';
      if (isRag(v)) rag = v;
      else if (prefix && col.rag === undefined)
        fail(
          'update',
          `Progress Update starts with “${prefix[1] ?? ''}:”, which is not one of red, amber, green or complete`,
        );
      else fail('rag', 'RAG is empty: enter red, amber, green or complete');
    }

    let updateDate: IsoDate = headerUpdateDate ?? ctx.today;
    const updateDateText = cell('updateDate');
    if (updateDateText) {
      const t = parseTimescale(updateDateText);
      if (t.ok && t.due !== null) updateDate = t.due;
      else fail('updateDate', `Update date “${updateDateText}” is not a date: use 31/03/2023`);
    }
    if (updateText && updateDate > ctx.today)
      fail('updateDate', `The progress update is dated ${updateDate}, after today`);

    const measureIds = cell('measures')
      .split(/[;,\s]+/)
      .map((m) => m.trim())
      .filter(Boolean);
    for (const m of measureIds)
      if (!ctx.measureIds.has(m)) fail('measures', `Measure “${m}” is not a known measure id`);

    if (problems.length === before && rag !== null)
      rows.push({
        line,
        theme: cell('theme'),
        title,
        ownerId,
        due,
        rag,
        update: updateText ? { date: updateDate, text: updateText } : null,
        measureIds: [...new Set(measureIds)],
      });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) return whole(`${file} has a header row but no actions`);
  return { ok: true, rows };
}
