// Feature modules. Each area exports `feature: Feature` from src/features/<area>/feature.ts; the app
// discovers them at start, so adding an area never means editing a shared list.
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db, Engine } from '../../db/connect.ts';
import type { Permission } from '../access/access.ts';
import type { Actor } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';
import type { AnyApiRoute } from '../api/registry.ts';

export interface FeatureDeps {
  config: Config;
  db: Db;
  engine: Engine;
  logger: Logger;
}

export interface NavItem {
  text: string;
  href: string;
  /** Shown only to actors with this permission; omit for every signed-in user. */
  permission?: Permission;
  /** Lower comes first; Home is 0, administration 900. */
  order: number;
}

export interface HomeItem {
  text: string;
  href?: string;
}

/**
 * A panel on the home page (and in GET /api/v1/home) for actors with the permission (and, if given,
 * one of the roles). A section whose id matches one declared earlier replaces it: the home feature
 * declares placeholders ('caseload', 'reviews', 'placements', 'carers', 'care-leavers', 'home',
 * 'figures') that the areas replace with real ones.
 */
export interface HomeSection {
  id: string;
  title: string;
  permission?: Permission;
  roles?: readonly Role[];
  /** Said honestly when there is nothing: what will appear here. */
  emptyText: string;
  order: number;
  load?: (db: Db, actor: Actor) => Promise<HomeItem[]>;
}

/** What an area's demo hook is given: the same seed, scale and date as the core demo authority. */
export interface DemoContext {
  seed: number;
  scale: number;
  today: string;
  laCode: string;
}

export interface Feature {
  name: string;
  /**
   * Adds this area's demo rows after the core demo authority (children, care, carers, providers,
   * teams) is written, inside the same transaction. Runs in feature-name order; deterministic for
   * a seed. `hearth demo` and `npm start`'s seeding call it.
   */
  demo?: (db: Db, ctx: DemoContext) => Promise<void>;
  /** Pages that need no sign-in (privacy, accessibility). */
  publicRoutes?: (deps: FeatureDeps) => Router;
  /** Pages behind sign-in, mounted at '/'. Check permissions in the service or route. */
  routes?: (deps: FeatureDeps) => Router;
  /** API routes, mounted under /api/v1. */
  api?: readonly AnyApiRoute[];
  nav?: readonly NavItem[];
  home?: readonly HomeSection[];
}

// src/features when run from source, dist/src/features when compiled.
const featuresDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../features');

let loaded: Promise<Feature[]> | undefined;

/** Every src/features/<area>/feature.ts, in name order. Cached. */
export function loadFeatures(): Promise<Feature[]> {
  loaded ??= (async () => {
    const dirs = existsSync(featuresDir) ? readdirSync(featuresDir).sort() : [];
    const found: Feature[] = [];
    for (const d of dirs) {
      const file = ['feature.ts', 'feature.js']
        .map((f) => path.join(featuresDir, d, f))
        .find((f) => existsSync(f));
      if (!file) continue;
      const mod = (await import(pathToFileURL(file).href)) as { feature?: Feature };
      if (mod.feature) found.push(mod.feature);
    }
    return found;
  })();
  return loaded;
}
