// A streaming RFC 4180 CSV scanner over BYTES: feed it chunks, it calls back once per record with
// the byte ranges of its fields (no strings are made here; the caller decodes or interns only what
// it keeps) and the 1-based line the record began on. Quoted fields may hold commas, quotes ("")
// and newlines; their ranges include the quotes (see unquote()). CRLF, LF and CR end a record.
// Blank lines are skipped. A record cut by a chunk boundary is scanned again from its start once
// the next chunk arrives, so state never spans chunks except the unfinished record's bytes.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays within bounds (noUncheckedIndexedAccess) */

/** Called per record: fields k are buf[start[k]] … buf[end[k]-1]. Return false to stop. */
export type RecordFn = (
  buf: Uint8Array,
  start: Int32Array,
  end: Int32Array,
  fields: number,
  line: number,
) => boolean | undefined;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Longest record kept while waiting for its end (a never-closed quote would otherwise hold a whole file). */
export const MAX_RECORD_BYTES = 1 << 20;

export class CsvScanner {
  private rest: Uint8Array | undefined;
  private line = 1;
  private skipLf = false;
  private start = new Int32Array(64);
  private ends = new Int32Array(64);
  private stopped = false;
  /** True once a record longer than MAX_RECORD_BYTES was met (scanning stopped). */
  tooLong = false;
  private readonly onRecord: RecordFn;

  constructor(onRecord: RecordFn) {
    this.onRecord = onRecord;
  }

  /** Returns false once onRecord asked to stop (or a record was absurdly long). */
  write(chunk: Uint8Array): boolean {
    if (this.stopped) return false;
    let buf = chunk;
    if (this.rest) {
      buf = new Uint8Array(this.rest.length + chunk.length);
      buf.set(this.rest);
      buf.set(chunk, this.rest.length);
      this.rest = undefined;
    }
    const at = this.scan(buf, false);
    if (at < 0) return false;
    if (at < buf.length) {
      if (buf.length - at > MAX_RECORD_BYTES) {
        this.tooLong = true;
        this.stopped = true;
        return false;
      }
      this.rest = buf.slice(at);
    }
    return true;
  }

  /** Flushes a last record without a final newline. True when a quoted field was left open. */
  end(): boolean {
    if (this.stopped || !this.rest) return false;
    const buf = this.rest;
    this.rest = undefined;
    this.openQuote = false;
    this.scan(buf, true);
    return this.openQuote;
  }

  /** The line the current (unfinished) record began on. */
  get currentLine(): number {
    return this.line;
  }

  private openQuote = false;

  /** Scans whole records from buf; returns the offset of the first unfinished one (-1: stopped). */
  private scan(buf: Uint8Array, final: boolean): number {
    const n = buf.length;
    let i = 0;
    if (this.skipLf && n > 0) {
      this.skipLf = false;
      if (buf[0] === LF) i = 1;
    }
    while (i < n) {
      const recStart = i;
      let nf = 0;
      let nl = 0;
      let done = false;
      let incomplete = false;
      for (;;) {
        const fs = i;
        if (i < n && buf[i] === QUOTE) {
          i++;
          let closed = false;
          while (i < n) {
            const b = buf[i]!;
            if (b === QUOTE) {
              if (i + 1 >= n && !final) break; // "" or end of field? decide with more bytes
              if (i + 1 < n && buf[i + 1] === QUOTE) {
                i += 2;
                continue;
              }
              i++;
              closed = true;
              break;
            }
            if (b === LF) nl++;
            i++;
          }
          if (!closed) {
            if (!final) {
              incomplete = true;
              break;
            }
            this.openQuote = true;
          }
        }
        while (i < n) {
          const b = buf[i]!;
          if (b === COMMA || b === LF || b === CR) break;
          i++;
        }
        if (i >= n && !final) {
          incomplete = true;
          break;
        }
        if (nf === this.start.length) {
          const s = new Int32Array(nf * 2);
          s.set(this.start);
          this.start = s;
          const e = new Int32Array(nf * 2);
          e.set(this.ends);
          this.ends = e;
        }
        this.start[nf] = fs;
        this.ends[nf] = i;
        nf++;
        if (i >= n) {
          done = true;
          break;
        }
        const b = buf[i]!;
        i++;
        if (b === COMMA) continue;
        if (b === CR) {
          if (i < n) {
            if (buf[i] === LF) i++;
          } else this.skipLf = true;
        }
        done = true;
        break;
      }
      if (incomplete) return recStart;
      if (!done) return recStart;
      const line = this.line;
      this.line += 1 + nl;
      if (nf === 1 && this.ends[0] === this.start[0]) continue; // blank line
      if (this.onRecord(buf, this.start, this.ends, nf, line) === false) {
        this.stopped = true;
        return -1;
      }
    }
    return n;
  }
}

/**
 * The bytes of a field without its quoting: for a quoted field, the text inside the quotes with ""
 * collapsed, followed by anything after the closing quote; otherwise the range itself. Writes into
 * `scratch` (grown as needed) only when the field is quoted. Returns [buffer, start, end].
 */
export function unquote(
  buf: Uint8Array,
  s: number,
  e: number,
  scratch: { b: Uint8Array },
): [Uint8Array, number, number] {
  if (s >= e || buf[s] !== QUOTE) return [buf, s, e];
  if (scratch.b.length < e - s) scratch.b = new Uint8Array((e - s) * 2);
  const out = scratch.b;
  let o = 0;
  let i = s + 1;
  while (i < e) {
    const b = buf[i]!;
    if (b === QUOTE) {
      if (i + 1 < e && buf[i + 1] === QUOTE) {
        out[o++] = QUOTE;
        i += 2;
        continue;
      }
      i++;
      while (i < e) out[o++] = buf[i++]!;
      break;
    }
    out[o++] = b;
    i++;
  }
  return [out, 0, o];
}
