import { describe, expect, it } from 'vitest';
import { splitStatements } from './script.ts';

describe('splitStatements', () => {
  it('splits on statement ends but not inside function bodies, strings or comments', () => {
    const script = `
      create table a (x text default 'a;b'); -- a comment; with a semicolon
      create function f() returns trigger language plpgsql as $$ begin raise exception 'x'; end $$;
      create index i on a (x)`;
    expect(splitStatements(script)).toEqual([
      "create table a (x text default 'a;b')",
      "create function f() returns trigger language plpgsql as $$ begin raise exception 'x'; end $$",
      'create index i on a (x)',
    ]);
  });
});
