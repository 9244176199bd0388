// Real postcodes in and around Bradford for the demo (data/postcodes.csv, an ONSPD extract: see
// docs/demo-data.md for source and licence), with straight-line distances in miles.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Random } from './random.ts';

export const BRADFORD = 'E08000032';
export const NEIGHBOURS = [
  'E08000035',
  'E08000033',
  'E08000034',
  'E08000036',
  'E06000065',
  'E07000122',
];

export interface Postcode {
  postcode: string;
  la: string;
  easting: number;
  northing: number;
}

export class Postcodes {
  readonly byPostcode = new Map<string, Postcode>();
  private readonly byLa = new Map<string, Postcode[]>();

  constructor(csv: string) {
    for (const line of csv.split('\n').slice(1)) {
      const [postcode, la, e, n] = line.split(',');
      if (!postcode || !la || !e || !n) continue;
      const p = { postcode, la, easting: Number(e), northing: Number(n) };
      this.byPostcode.set(postcode, p);
      let list = this.byLa.get(la);
      if (!list) this.byLa.set(la, (list = []));
      list.push(p);
    }
  }

  static load(): Postcodes {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'postcodes.csv');
    return new Postcodes(readFileSync(file, 'utf8'));
  }

  get farAuthorities(): string[] {
    return [...this.byLa.keys()].filter((la) => la !== BRADFORD && !NEIGHBOURS.includes(la));
  }

  inLa(rng: Random, la: string): string {
    return rng.pick(this.byLa.get(la) ?? []).postcode;
  }

  bradford(rng: Random): string {
    return this.inLa(rng, BRADFORD);
  }

  /**
   * The Bradford postcode after `current` in the sample's order (wrapping round) that is not in
   * `avoid`; no random draw. `current` itself when every Bradford postcode is avoided.
   */
  nextBradford(current: string, avoid: ReadonlySet<string>): string {
    const list = this.byLa.get(BRADFORD) ?? [];
    const at = list.findIndex((p) => p.postcode === current);
    for (let k = 1; k <= list.length; k++) {
      const next = list[(at + k) % list.length]?.postcode;
      if (next !== undefined && !avoid.has(next)) return next;
    }
    return current;
  }

  neighbour(rng: Random): string {
    return this.inLa(rng, rng.pick(NEIGHBOURS));
  }

  far(rng: Random): string {
    return this.inLa(rng, rng.pick(this.farAuthorities));
  }

  /** Bradford with probability pBradford, else a neighbour with pNeighbour, else far away. */
  somewhere(rng: Random, pBradford: number, pNeighbour: number): string {
    const r = rng.next();
    if (r < pBradford) return this.bradford(rng);
    if (r < pBradford + pNeighbour) return this.neighbour(rng);
    return this.far(rng);
  }

  isBradford(postcode: string | null): boolean {
    return postcode !== null && this.byPostcode.get(postcode)?.la === BRADFORD;
  }

  miles(a: string, b: string): number | null {
    const p = this.byPostcode.get(a);
    const q = this.byPostcode.get(b);
    if (!p || !q) return null;
    return Math.hypot(p.easting - q.easting, p.northing - q.northing) / 1609.344;
  }
}
