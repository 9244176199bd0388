// GET /api/v1/reports?kind=panel|board&from=YYYY-MM-DD&to=YYYY-MM-DD: the report as JSON, the same
// content as the page and the PDF (small numbers withheld, no child named). report:generate.
import { todayInLondon } from '../../domain/dates/index.ts';
import { defineRoute, type AnyApiRoute } from '../../platform/api/registry.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { generateReport, ReportPeriodProblem } from './reportService.ts';
import { ReportJson, ReportQuery } from './schemas.ts';

export const reportApi: readonly AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/reports',
    summary:
      'A Corporate Parenting Panel report (kind=panel) or an Improvement Board highlight report (kind=board) for a period: areas of progress, areas of concern, actions for the next period and the scorecard.',
    tags: ['reports'],
    permission: 'report:generate',
    query: ReportQuery,
    response: ReportJson,
    handler: async ({ db, actor, config, query }) => {
      try {
        return await generateReport(db, actor, config, query, todayInLondon(new Date()));
      } catch (err) {
        if (err instanceof ReportPeriodProblem)
          throw new ProblemError(400, 'Invalid request', err.message, [
            { field: `query.${err.field}`, message: err.message },
          ]);
        throw err;
      }
    },
  }),
];
