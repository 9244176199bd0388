// Reading an uploaded 903 return: a multipart body with this year's files (`files`) and, optionally,
// last year's (`prev`), each several CSV files or zips of CSV files, and the reference data the CLI
// takes (`ofstedHomes`, `ofstedProviders`: one CSV each; `postcodes`: one CSV or gzipped CSV). Files are held in memory for
// the one request (never written to disk, never kept): the total of all files in a request is
// capped, and zips are read entry by entry with caps on entry count and unpacked size, so a zip
// bomb is refused before anything is unpacked.
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import yauzl from 'yauzl';
import type { Problem } from '../../domain/returns/ssda903/engine.ts';
import type { SourceFile } from '../../domain/returns/ssda903/load.ts';

const MB = 1024 * 1024;
/** All files of one request together. */
export const MAX_UPLOAD_BYTES = 200 * MB;
/** Files in one request (all fields). */
export const MAX_FILES = 40;
/** Entries in one zip (a return has at most 12 tables). */
export const MAX_ZIP_ENTRIES = 100;
/** CSV bytes one zip may unpack to (declared sizes, which yauzl checks while unpacking). */
export const MAX_UNZIPPED_BYTES = 1024 * MB;

export type UploadField = 'files' | 'prev' | ReferenceField;
/** The optional reference files, one file each (as --ofsted-homes, --ofsted-providers, --postcodes). */
export const REFERENCE_FIELDS = ['ofstedHomes', 'ofstedProviders', 'postcodes'] as const;
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];
const isReferenceField = (f: string | undefined): f is ReferenceField =>
  (REFERENCE_FIELDS as readonly (string | undefined)[]).includes(f);

/** Input we refuse, with the GOV.UK message and the field it belongs to. */
export class UploadError extends Error {
  readonly field: UploadField | 'form';
  readonly status: number;
  constructor(message: string, field: UploadField | 'form', status = 400) {
    super(message);
    this.field = field;
    this.status = status;
  }
}

/** Multer's memory storage, with one cap on the sum of every file's size in the request. */
function cappedMemoryStorage(maxTotal: number): multer.StorageEngine {
  const used = new WeakMap<Request, number>();
  return {
    _handleFile(req, file, cb) {
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      file.stream.on('data', (chunk: Buffer) => {
        if (failed) return;
        size += chunk.length;
        const total = (used.get(req) ?? 0) + chunk.length;
        used.set(req, total);
        if (total > maxTotal) {
          failed = true;
          file.stream.resume();
          cb(new UploadError(tooLarge(), 'files', 413));
          return;
        }
        chunks.push(chunk);
      });
      file.stream.on('error', (err: Error) => {
        if (!failed) cb(err);
        failed = true;
      });
      file.stream.on('end', () => {
        if (!failed) cb(null, { buffer: Buffer.concat(chunks, size), size });
      });
    },
    _removeFile(_req, file, cb) {
      (file as { buffer?: Buffer }).buffer = undefined;
      cb(null);
    },
  };
}

function tooLarge(): string {
  return `The files must be smaller than ${String(MAX_UPLOAD_BYTES / MB)} MB in total`;
}

const parser = multer({
  storage: cappedMemoryStorage(MAX_UPLOAD_BYTES),
  limits: {
    fileSize: MAX_UPLOAD_BYTES,
    files: MAX_FILES,
    fields: 10,
    fieldSize: 1000,
    parts: MAX_FILES + 10,
  },
}).fields([
  { name: 'files', maxCount: MAX_FILES },
  { name: 'prev', maxCount: MAX_FILES },
  ...REFERENCE_FIELDS.map((name) => ({ name, maxCount: 1 })),
]);

function fromMulter(err: unknown): unknown {
  if (!(err instanceof multer.MulterError)) return err;
  const field: UploadField =
    err.field === 'prev' || isReferenceField(err.field) ? err.field : 'files';
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return new UploadError(tooLarge(), field, 413);
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_PART_COUNT':
      return new UploadError(`Select no more than ${String(MAX_FILES)} files`, field, 413);
    case 'LIMIT_UNEXPECTED_FILE':
      if (isReferenceField(err.field)) return new UploadError('Select only one file', field);
      return err.field === 'files' || err.field === 'prev'
        ? new UploadError(`Select no more than ${String(MAX_FILES)} files`, field, 413)
        : new UploadError(`The form has an unexpected file field "${err.field ?? ''}"`, 'form');
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_FIELD_KEY':
    case 'LIMIT_FIELD_VALUE':
    case 'MISSING_FIELD_NAME':
      return new UploadError('The form could not be read: send it again', 'form');
  }
}

/**
 * Reads a multipart body into req.body (text fields) and req.files (buffers). Errors arrive as
 * UploadError; a body that is not multipart/form-data is refused (415).
 */
export const parseUpload: RequestHandler = (req, res, next) => {
  if (!req.is('multipart/form-data')) {
    next(new UploadError('Send the files as multipart/form-data', 'form', 415));
    return;
  }
  parser(req, res, (err?: unknown) => {
    next(err === undefined ? undefined : fromMulter(err));
  });
};

/** parseUpload as a promise, for route handlers. */
export function readUpload(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void parseUpload(req, res, (err?: unknown) => {
      if (err) reject(err instanceof Error ? err : new Error('the upload could not be read'));
      else resolve();
    });
  });
}

/** The uploaded files of one field, leaving out a file input sent with nothing chosen. */
export function uploadedFiles(req: Request, field: UploadField): Express.Multer.File[] {
  const files = req.files as Record<string, Express.Multer.File[] | undefined> | undefined;
  return (files?.[field] ?? []).filter((f) => f.originalname !== '' || f.size > 0);
}

export interface UploadedFileInfo {
  name: string;
  size: number;
}

const isZipName = (name: string) => /\.zip$/i.test(name);
const isCsvName = (name: string) => /\.csv$/i.test(name);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const isGzip = (f: Express.Multer.File) => f.buffer.subarray(0, 2).equals(GZIP_MAGIC);

/**
 * Refuses a reference file of the wrong kind: the Ofsted lists must be CSV files, the postcode
 * directory a CSV file or a gzipped one (.csv.gz), as the command line takes them.
 */
export function checkReferenceKind(file: Express.Multer.File, field: ReferenceField): void {
  const name = file.originalname;
  if (file.size === 0) throw new UploadError(`The file '${name}' is empty`, field);
  if (field === 'postcodes' && (isGzip(file) || /\.gz$/i.test(name))) {
    if (!isGzip(file)) throw new UploadError(`The file '${name}' is not a valid gzip file`, field);
    return;
  }
  if (!isCsvName(name) || looksZip(file))
    throw new UploadError(
      field === 'postcodes'
        ? `The file '${name}' is not a CSV file or a gzipped CSV file (.csv.gz)`
        : `The file '${name}' is not a CSV file`,
      field,
    );
}

function looksZip(f: Express.Multer.File): boolean {
  return f.buffer.subarray(0, 4).equals(ZIP_MAGIC);
}

/** A reference file as a source file (a gzipped one unpacked as it is read). */
export function referenceSource(file: Express.Multer.File): SourceFile {
  if (!isGzip(file)) return bufferSource(file.originalname, file.buffer);
  const name = file.originalname;
  return {
    name,
    bytes: (async function* () {
      const gunzip = Readable.from([file.buffer]).pipe(createGunzip({ chunkSize: 1 << 20 }));
      try {
        for await (const chunk of gunzip) yield chunk as Buffer;
      } catch {
        throw new UploadError(`The file '${name}' is not a valid gzip file`, 'postcodes');
      }
    })(),
  };
}

/** Refuses a file that is neither a CSV nor a zip, by name (a zip also by its first bytes). */
export function checkFileKinds(files: readonly Express.Multer.File[], field: UploadField): void {
  for (const f of files) {
    const looksZip = f.buffer.subarray(0, 4).equals(ZIP_MAGIC);
    if (isZipName(f.originalname) || looksZip) {
      if (!looksZip && !f.buffer.subarray(0, 4).equals(EMPTY_ZIP_MAGIC))
        throw new UploadError(`The file '${f.originalname}' is not a valid zip file`, field);
      continue;
    }
    if (!isCsvName(f.originalname))
      throw new UploadError(
        `The file '${f.originalname}' is not a CSV file or a zip of CSV files`,
        field,
      );
  }
}

export interface Sources {
  sources: SourceFile[];
  /** Zip entries left out (not CSV), as file problems. */
  problems: Problem[];
  /** Releases the zips; call when validation is done. */
  close(): void;
}

function bufferSource(name: string, buffer: Buffer): SourceFile {
  return {
    name,
    // in 1 MB pieces, as a file stream would give them
    bytes: Readable.from(
      (function* () {
        for (let at = 0; at < buffer.length; at += 1 << 20)
          yield buffer.subarray(at, at + (1 << 20));
      })(),
    ) as AsyncIterable<Buffer>,
  };
}

/** This field's files as 903 source files: each CSV, and each CSV inside each zip. */
export async function sourcesFrom(
  files: readonly Express.Multer.File[],
  field: UploadField,
): Promise<Sources> {
  const sources: SourceFile[] = [];
  const problems: Problem[] = [];
  const zips: yauzl.ZipFile[] = [];
  const close = () => {
    for (const z of zips) z.close();
  };
  try {
    for (const f of files) {
      if (!f.buffer.subarray(0, 4).equals(ZIP_MAGIC) && !isZipName(f.originalname)) {
        sources.push(bufferSource(f.originalname, f.buffer));
        continue;
      }
      let zip: yauzl.ZipFile;
      try {
        zip = await yauzl.fromBufferPromise(f.buffer, { lazyEntries: true, autoClose: false });
      } catch {
        throw new UploadError(`The file '${f.originalname}' is not a valid zip file`, field);
      }
      zips.push(zip);
      if (zip.entryCount > MAX_ZIP_ENTRIES)
        throw new UploadError(
          `The zip file '${f.originalname}' holds more than ${String(MAX_ZIP_ENTRIES)} files: a 903 return has at most 12`,
          field,
        );
      let unpacked = 0;
      let csvs = 0;
      for await (const entry of zip.eachEntry()) {
        const name = entry.fileName;
        const base = name.split('/').pop() ?? '';
        if (name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('.')) continue;
        const shown = `${f.originalname}/${name}`;
        if (!isCsvName(base)) {
          problems.push({ file: shown, message: 'is not a CSV file; ignored' });
          continue;
        }
        unpacked += entry.uncompressedSize;
        if (unpacked > MAX_UNZIPPED_BYTES)
          throw new UploadError(
            `The zip file '${f.originalname}' unpacks to more than ${String(MAX_UNZIPPED_BYTES / MB)} MB`,
            field,
            413,
          );
        csvs++;
        sources.push({
          name: shown,
          bytes: (async function* () {
            const stream = await zip.openReadStreamPromise(entry);
            for await (const chunk of stream) yield chunk as Buffer;
          })(),
        });
      }
      if (csvs === 0)
        throw new UploadError(`The zip file '${f.originalname}' holds no CSV files`, field);
    }
  } catch (err) {
    close();
    throw err;
  }
  return { sources, problems, close };
}
