// The whole database type: one interface per area, joined here. Each area keeps its tables in
// src/db/tables/<area>.ts beside its migration.
import type { FoundationTables } from './tables/foundation.ts';
import type { CareTables } from './tables/care.ts';
import type { ChildListTables } from './tables/childList.ts';
import type { TimescaleTables } from './tables/timescales.ts';
import type { PlacementTables } from './tables/placements.ts';
import type { FosteringTables } from './tables/fostering.ts';
import type { HomesTables } from './tables/homes.ts';
import type { ScorecardTables } from './tables/scorecard.ts';
import type { PlanTables } from './tables/plans.ts';
import type { PostcodeTables } from './tables/postcodes.ts';

export type Database = FoundationTables &
  CareTables &
  ChildListTables &
  TimescaleTables &
  PlacementTables &
  FosteringTables &
  HomesTables &
  ScorecardTables &
  PlanTables &
  PostcodeTables;
