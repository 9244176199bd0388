// The service navigation: only the links the actor's roles (and token scopes) allow.
import type { Actor } from '../access/actor.ts';
import { can } from '../access/access.ts';
import type { NavItem } from './features.ts';

export interface NavLink {
  text: string;
  href: string;
  active: boolean;
}

export function navigationFor(
  items: readonly NavItem[],
  actor: Actor | undefined,
  currentPath: string,
): NavLink[] {
  if (!actor) return [];
  return items
    .filter((i) => i.permission === undefined || can(actor, i.permission))
    .slice()
    .sort((a, b) => a.order - b.order || a.text.localeCompare(b.text))
    .map((i) => ({
      text: i.text,
      href: i.href,
      active:
        i.href === '/'
          ? currentPath === '/'
          : currentPath === i.href || currentPath.startsWith(`${i.href}/`),
    }));
}
