// The audit trail: every read and write of person-level data appends one event in the same
// transaction as the work it records. Events are hash-chained: each row's hash covers its own
// fields and the previous row's hash, so an edited, inserted or removed row breaks the chain.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** Advisory lock key serialising appends so the chain never forks. */
const AUDIT_LOCK = 7_300_903;

export type AuditAction =
  | 'read'
  | 'list'
  | 'create'
  | 'update'
  | 'delete'
  | 'export'
  | 'import'
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'break-glass';

export interface AuditInput {
  action: AuditAction;
  recordType: string;
  recordId?: string | number | null;
  childId?: number | null;
  reason?: string | null;
  detail?: Record<string, unknown> | null;
}

interface Hashed {
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  record_type: string;
  record_id: string | null;
  child_id: number | null;
  address: string | null;
  reason: string | null;
  detail: unknown;
}

/** Canonical JSON: keys sorted at every depth, so the hash does not depend on jsonb's key order. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function hashEvent(prevHash: string, e: Hashed): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(e)).digest('hex');
}

/**
 * Append an audit event inside the caller's transaction. If the transaction rolls back, so does
 * the event; if the append fails, the caller's work fails with it.
 */
export async function audit(
  trx: Transaction<Database>,
  actor: Actor,
  input: AuditInput,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_event')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row: Hashed = {
    at: new Date().toISOString(),
    actor_id: actor.system ? null : actor.userId,
    actor_name: actor.username,
    action: input.action,
    record_type: input.recordType,
    record_id: input.recordId == null ? null : String(input.recordId),
    child_id: input.childId ?? null,
    address: actor.address,
    reason: input.reason ?? null,
    detail: input.detail ?? null,
  };
  await trx
    .insertInto('audit_event')
    .values({
      ...row,
      detail: row.detail === null ? null : JSON.stringify(row.detail),
      prev_hash: prevHash,
      hash: hashEvent(prevHash, row),
    })
    .execute();
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first event whose stored hash or link does not match, with why. */
  firstBroken?: { id: number; problem: string };
}

/** Walk the chain in id order, in pages, and name the first broken link. */
export async function verifyChain(db: Kysely<Database>, pageSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      if (r.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBroken: {
            id: r.id,
            problem:
              'its link to the previous event does not match (an event before it was removed or changed)',
          },
        };
      }
      const expected = hashEvent(prevHash, {
        at: new Date(r.at).toISOString(),
        actor_id: r.actor_id,
        actor_name: r.actor_name,
        action: r.action,
        record_type: r.record_type,
        record_id: r.record_id,
        child_id: r.child_id,
        address: r.address,
        reason: r.reason,
        detail: r.detail,
      });
      if (expected !== r.hash) {
        return {
          ok: false,
          checked,
          firstBroken: {
            id: r.id,
            problem: 'its contents do not match its hash (the event was edited)',
          },
        };
      }
      prevHash = r.hash;
      afterId = r.id;
      checked++;
    }
  }
}
