// A streaming RFC 4180 CSV record splitter: feed it decoded text chunks, it calls back once per
// record with its fields and the 1-based line it began on. Quoted fields may hold commas, quotes
// ("") and newlines; CRLF and LF both end a record. Hand-written because csv-parse's stream path
// took most of the time of a whole England-scale validation.
export class CsvSplitter {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  private quoteSeen = false; // a quote just closed inside a quoted field
  private line = 1;
  private recordLine = 1;
  private pendingCr = false;
  private any = false;

  private readonly onRecord: (fields: string[], line: number) => boolean | undefined;

  constructor(onRecord: (fields: string[], line: number) => boolean | undefined) {
    this.onRecord = onRecord;
  }

  /** Returns false once onRecord asked to stop. */
  write(s: string): boolean {
    const n = s.length;
    let i = 0;
    let from = 0;
    while (i < n) {
      const ch = s.charCodeAt(i);
      if (this.inQuotes) {
        if (ch === 34) {
          this.field += s.slice(from, i);
          if (i + 1 < n) {
            if (s.charCodeAt(i + 1) === 34) {
              this.field += '"';
              i += 2;
              from = i;
              continue;
            }
            this.inQuotes = false;
            i++;
            from = i;
            continue;
          }
          // quote at the chunk's end: decide on the next chunk
          this.inQuotes = false;
          this.quoteSeen = true;
          i++;
          from = i;
          continue;
        }
        if (ch === 10) this.line++;
        i++;
        continue;
      }
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (ch === 34 && i === from) {
          this.field += '"';
          this.inQuotes = true;
          i++;
          from = i;
          continue;
        }
      }
      if (ch === 44) {
        this.fields.push(this.field + s.slice(from, i));
        this.field = '';
        this.any = true;
        i++;
        from = i;
      } else if (ch === 10 || ch === 13) {
        if (
          ch === 10 &&
          this.pendingCr &&
          i === from &&
          this.field === '' &&
          this.fields.length === 0 &&
          !this.any
        ) {
          this.pendingCr = false;
          i++;
          from = i;
          continue;
        }
        this.fields.push(this.field + s.slice(from, i));
        this.field = '';
        const keep = this.emit();
        this.line++;
        this.recordLine = this.line;
        if (ch === 13) {
          if (i + 1 < n && s.charCodeAt(i + 1) === 10) i++;
          else if (i + 1 === n) this.pendingCr = true;
        }
        i++;
        from = i;
        if (keep === false) return false;
        continue;
      } else if (ch === 34 && i === from && this.field === '') {
        this.inQuotes = true;
        this.any = true;
        i++;
        from = i;
      } else {
        this.pendingCr = false;
        i++;
      }
    }
    this.field += s.slice(from, n);
    if (this.field !== '') this.any = true;
    return true;
  }

  /** Flushes a last record without a final newline. True when a quoted field was left open. */
  end(): boolean {
    const open = this.inQuotes;
    if (this.any || this.field !== '' || this.fields.length > 0) {
      this.fields.push(this.field);
      this.field = '';
      this.emit();
    }
    return open;
  }

  /** The line the current (unfinished) record began on. */
  get currentLine(): number {
    return this.recordLine;
  }

  private emit(): boolean | undefined {
    const f = this.fields;
    this.fields = [];
    const had = this.any || f.length > 1 || (f[0] ?? '') !== '';
    this.any = false;
    this.pendingCr = false;
    if (!had) return true; // blank line
    return this.onRecord(f, this.recordLine);
  }
}
