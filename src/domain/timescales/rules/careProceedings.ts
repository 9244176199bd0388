// Care proceedings: the court must dispose of the application within 26 weeks of issue (Children
// Act 1989 s32(1)(a)(ii)). A court extension is recorded as an extension with its reason.
import { addWeeks } from '../../dates/index.ts';
import { on } from '../chain.ts';
import type { ChildContext } from '../childContext.ts';
import type { Draft } from '../dueItem.ts';

export function careProceedings(ctx: ChildContext): Draft[] {
  return ctx.input.careProceedings.map((p) => ({
    rule: 'care-proceedings',
    item: `proceedings-${p.id}`,
    what: 'Care proceedings concluded (26 weeks from issue)',
    whom: ctx.whom,
    due: addWeeks(p.issued, 26),
    doneOn: p.concluded,
    basis: on('Application issued', p.issued),
  }));
}
