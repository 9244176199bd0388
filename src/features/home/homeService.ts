// The home page's data for an actor: the sections their roles may see, each with its items or an
// honest empty state. No figure is shown that is not read from the database.
import type { Db } from '../../db/connect.ts';
import { can } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { ROLE_LABELS } from '../../platform/access/roles.ts';
import type { HomeItem, HomeSection } from '../../platform/http/features.ts';

export interface HomeData {
  displayName: string;
  roles: string[];
  sections: { id: string; title: string; emptyText: string; items: HomeItem[] }[];
}

/** Later sections with the same id replace earlier ones (areas replace the placeholders). */
export function mergeSections(sections: readonly HomeSection[]): HomeSection[] {
  const byId = new Map<string, HomeSection>();
  for (const s of sections) byId.set(s.id, s);
  return [...byId.values()].sort((a, b) => a.order - b.order);
}

export function visibleSections(sections: readonly HomeSection[], actor: Actor): HomeSection[] {
  return mergeSections(sections).filter(
    (s) =>
      (s.permission === undefined || can(actor, s.permission)) &&
      (s.roles === undefined || s.roles.some((r) => actor.roles.includes(r))),
  );
}

export async function homeFor(
  db: Db,
  actor: Actor,
  sections: readonly HomeSection[],
): Promise<HomeData> {
  const visible = visibleSections(sections, actor);
  return {
    displayName: actor.displayName,
    roles: actor.roles.map((r) => ROLE_LABELS[r]),
    sections: await Promise.all(
      visible.map(async (s) => ({
        id: s.id,
        title: s.title,
        emptyText: s.emptyText,
        items: s.load ? await s.load(db, actor) : [],
      })),
    ),
  };
}
