// Validating an uploaded 903 return for a user: permission, the files to source files (zips
// unpacked as streams), the validation, and one audit event recording what was checked (file names,
// sizes, year, counts: never a child's data). Nothing else is stored.
import type { Db } from '../../db/connect.ts';
import { requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { referenceSource, sourcesFrom } from './upload.ts';
import type { UploadRequest } from './uploadForm.ts';
import { validateUpload, type UploadValidation } from './validateUpload.ts';

export async function validateUploadedReturn(
  db: Db,
  actor: Actor,
  input: UploadRequest,
): Promise<UploadValidation> {
  requirePermission(actor, '903:validate');
  const current = await sourcesFrom(input.files, 'files');
  try {
    const prev = input.prev.length > 0 ? await sourcesFrom(input.prev, 'prev') : undefined;
    try {
      const result = await validateUpload({
        year: input.year,
        // The engine's LA is the ONS code its postcode rules compare with (E08000032); a 3-digit
        // DfE code (used here for links and the audit) is not passed on.
        la: input.la && /^E\d{8}$/.test(input.la) ? input.la : undefined,
        files: current.sources,
        problems: current.problems,
        ...(prev ? { prevFiles: prev.sources, prevProblems: prev.problems } : {}),
        ofstedFiles: [input.ofstedHomes, input.ofstedProviders]
          .filter((f) => f !== undefined)
          .map(referenceSource),
        ...(input.postcodes ? { postcodes: referenceSource(input.postcodes) } : {}),
      });
      await db.transaction().execute((trx) =>
        audit(trx, actor, {
          action: 'import',
          recordType: 'ssda903-validation',
          detail: auditDetail(input, result),
        }),
      );
      return result;
    } finally {
      prev?.close();
    }
  } finally {
    current.close();
  }
}

function auditDetail(input: UploadRequest, result: UploadValidation): Record<string, unknown> {
  const files = (list: Express.Multer.File[]) =>
    list.map((f) => ({ name: f.originalname, size: f.size }));
  const { report } = result;
  return {
    year: input.year,
    la: input.la,
    files: files(input.files),
    prevFiles: files(input.prev),
    referenceFiles: files(
      [input.ofstedHomes, input.ofstedProviders, input.postcodes].filter((f) => f !== undefined),
    ),
    tables: result.files.filter((f) => f.table).map((f) => ({ table: f.table, rows: f.rows })),
    rulesRun: report.ran.length,
    rulesFailed: report.failed.length,
    errors: report.failed.reduce((n, r) => n + r.findings.length, 0),
    skipped: report.skipped.length,
    fileProblems: report.problems.length,
  };
}
