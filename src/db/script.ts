// Run a multi-statement SQL script through Kysely. Both drivers prepare statements one at a time,
// so the script is split on semicolons that end a statement, outside quotes, comments and $$ bodies.
import { sql, type Kysely } from 'kysely';

export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let current = '';
  let i = 0;
  let dollar = false;
  let quote = false;
  while (i < script.length) {
    const c = script[i] ?? '';
    const next = script[i + 1] ?? '';
    if (!dollar && !quote && c === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end;
      continue;
    }
    if (!quote && c === '$' && next === '$') {
      dollar = !dollar;
      current += '$$';
      i += 2;
      continue;
    }
    if (!dollar && c === "'") quote = !quote;
    if (!dollar && !quote && c === ';') {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else {
      current += c;
    }
    i++;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

export async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) {
    await sql.raw(statement).execute(db);
  }
}
