import type { Db } from '../../db/connect.ts';
import type { DemoContext } from '../../platform/http/features.ts';

export async function fosteringDemo(_db: Db, _ctx: DemoContext): Promise<void> {}
