// Reading 903 files from disk: every regular file of a directory (sorted, hidden files skipped),
// streamed, so a large file is never held in memory as one string.
import { createReadStream, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import type { SourceFile } from '../../../domain/returns/ssda903/load.ts';

/** A file streamed from disk; a name ending .gz is decompressed as it is read. */
export function sourceFile(file: string): SourceFile {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  return {
    name: path.basename(file),
    bytes: (file.endsWith('.gz')
      ? raw.pipe(createGunzip({ chunkSize: 1 << 20 }))
      : raw) as AsyncIterable<Buffer>,
  };
}

/** The files of `dir` (or `dir` itself when it is a file). Throws if it does not exist. */
export function sourceFilesIn(dir: string): SourceFile[] {
  if (statSync(dir).isFile()) return [sourceFile(dir)];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort()
    .map((n) => sourceFile(path.join(dir, n)));
}
