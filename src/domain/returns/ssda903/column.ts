// A column of a 903 table, dictionary-encoded: per row an id into the column's distinct values.
// Values are interned straight from the CSV bytes (hash of the trimmed bytes), so a value that
// recurs (a code, a date, a postcode) is decoded, trimmed and upper-cased once, not once per row.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays within bounds (noUncheckedIndexedAccess) */

/** A finished column: value of row r is values[ids[r]]. */
export interface Column {
  readonly ids: Int32Array;
  readonly values: readonly string[];
}

/** Turns the bytes of a distinct value into text (the file's encoding). */
export type Decode = (buf: Uint8Array, s: number, e: number) => string;

export class ColumnBuilder {
  private ids = new Int32Array(1024);
  private n = 0;
  readonly values: string[] = [];
  private readonly upper: boolean;
  // byte interning: open addressing over value ids (+1; 0 = empty)
  private slots = new Int32Array(64);
  private hashes = new Int32Array(64);
  private offs = new Int32Array(64);
  private lens = new Int32Array(64);
  private pool = new Uint8Array(1024);
  private poolLen = 0;
  private byString: Map<string, number> | undefined;

  constructor(upper: boolean) {
    this.upper = upper;
  }

  get length(): number {
    return this.n;
  }

  /** Id of the last value added. */
  last(): number {
    return this.ids[this.n - 1]!;
  }

  idAt(r: number): number {
    return this.ids[r]!;
  }

  private add(id: number): void {
    if (this.n === this.ids.length) {
      const next = new Int32Array(this.n * 2);
      next.set(this.ids);
      this.ids = next;
    }
    this.ids[this.n++] = id;
  }

  /** Appends the value held in buf[s..e) (trimmed here), decoding it only when first seen. */
  addBytes(buf: Uint8Array, s: number, e: number, decode: Decode): void {
    this.add(this.idOf(buf, s, e, decode));
  }

  /** Appends a value id (e.g. a child index when the CHILD column is interned by a ChildDict). */
  addId(id: number): void {
    this.add(id);
  }

  /** The id of the (trimmed) value in buf[s..e), made and decoded when first seen. Appends nothing. */
  idOf(buf: Uint8Array, s: number, e: number, decode: Decode): number {
    while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
    while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9)) e--;
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    const len = e - s;
    for (;;) {
      const v = this.slots[slot]!;
      if (v === 0) break;
      const id = v - 1;
      if (this.hashes[id] === h && this.lens[id] === len) {
        const o = this.offs[id]!;
        let k = 0;
        while (k < len && this.pool[o + k] === buf[s + k]) k++;
        if (k === len) return id;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.values.length;
    const raw = len === 0 ? '' : decode(buf, s, e);
    this.values.push(this.upper ? raw.trim().toUpperCase() : raw.trim());
    this.remember(id, h, buf, s, e);
    this.slots[slot] = id + 1;
    if (this.values.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private remember(id: number, h: number, buf: Uint8Array, s: number, e: number): void {
    if (id === this.hashes.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.hashes = grow(this.hashes);
      this.offs = grow(this.offs);
      this.lens = grow(this.lens);
    }
    const len = e - s;
    if (this.poolLen + len > this.pool.length) {
      const p = new Uint8Array(Math.max(this.pool.length * 2, this.poolLen + len));
      p.set(this.pool.subarray(0, this.poolLen));
      this.pool = p;
    }
    const pool = this.pool;
    for (let i = s, o = this.poolLen; i < e; i++, o++) pool[o] = buf[i]!;
    this.hashes[id] = h;
    this.offs[id] = this.poolLen;
    this.lens[id] = len;
    this.poolLen += len;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.values.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }

  /** Appends a value given as text (tests, XML): trimmed, upper-cased unless this is CHILD. */
  addString(raw: string): void {
    const v = this.upper ? raw.trim().toUpperCase() : raw.trim();
    this.byString ??= new Map();
    let id = this.byString.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      this.byString.set(v, id);
    }
    this.add(id);
  }

  build(): Column {
    return { ids: this.ids.slice(0, this.n), values: this.values };
  }
}

/** A column of n blanks. */
export function blankColumn(n: number): Column {
  return { ids: new Int32Array(n), values: [''] };
}
