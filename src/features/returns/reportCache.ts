// Where an uploaded return's validation report waits between the upload and the report page (and
// its CSV download): in this process's memory only, under a random id, for the user and browser
// session that uploaded it, for 30 minutes at most. Nothing is written to the database or disk, a
// restart forgets every report, and with several instances the report is only found on the one
// that validated it (sticky sessions, or upload again). The oldest reports are dropped when more
// than `maxEntries` are held, so memory stays bounded.
import { randomBytes } from 'node:crypto';

export interface ReportOwner {
  sessionId: string;
  userId: number;
}

interface Entry<T> {
  owner: ReportOwner;
  expires: number;
  value: T;
}

export const REPORT_TTL_MS = 30 * 60 * 1000;

export class ReportCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(ttlMs = REPORT_TTL_MS, maxEntries = 50, now: () => number = Date.now) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
    this.now = now;
  }

  /** Keeps `value` for `owner`; returns its id (unguessable: 128 random bits). */
  put(owner: ReportOwner, value: T): string {
    this.sweep();
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    const id = randomBytes(16).toString('base64url');
    this.entries.set(id, { owner, expires: this.now() + this.ttlMs, value });
    return id;
  }

  /** The value, if it exists, has not expired and belongs to `owner`. */
  get(id: string, owner: ReportOwner): T | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    if (e.owner.sessionId !== owner.sessionId || e.owner.userId !== owner.userId) return undefined;
    return e.value;
  }

  get size(): number {
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, e] of this.entries) if (e.expires <= now) this.entries.delete(id);
  }
}
