// What each role may do, default-deny. A permission not granted here is refused; a role not listed
// has none. Relationship scope (allocated worker, team, IRO for the child) is checked on top of this
// by the services that read a child (design.md, principle 4); a child outside scope is "not found".
import type { Actor } from './actor.ts';
import type { Role } from './roles.ts';

export const PERMISSIONS = [
  'child:read',
  'child:write',
  'child:break-glass',
  'figures:read',
  'pseudonymised:read',
  'user:manage',
  'team:manage',
  'audit:read',
  'audit:child-viewers',
  'token:manage',
  'carer:read',
  'carer:write',
  'fostering:manage',
  'placement:read',
  'placement:manage',
  'review:write',
  'careleaver:read',
  'careleaver:write',
  '903:validate',
  '903:export',
  'import:run',
  'placement:request',
  'home:read',
  'home:write',
  'plan:read',
  'plan:write',
  'report:generate',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

const CASEWORK: readonly Permission[] = ['child:read', 'child:write', 'placement:read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  social_worker: [...CASEWORK, 'carer:read', 'careleaver:read', 'placement:request'],
  team_manager: [
    ...CASEWORK,
    'child:break-glass',
    'carer:read',
    'careleaver:read',
    'figures:read',
    'audit:child-viewers',
    'placement:request',
    'home:read',
    'plan:read',
  ],
  service_manager: [
    ...CASEWORK,
    'child:break-glass',
    'carer:read',
    'careleaver:read',
    'figures:read',
    'audit:child-viewers',
    '903:validate',
    'placement:request',
    'home:read',
    'plan:read',
    'plan:write',
    'report:generate',
  ],
  iro: ['child:read', 'review:write', 'placement:read', 'carer:read'],
  placement_officer: [
    'child:read',
    'placement:read',
    'placement:manage',
    'placement:request',
    'carer:read',
    'figures:read',
    'home:read',
  ],
  fostering_worker: ['carer:read', 'carer:write', 'child:read', 'placement:read'],
  // The fostering team manager: the fostering worker's rights, and the agency decision maker's
  // decisions (approval, deregistration) and the allowance schedule, which only they may record.
  fostering_manager: [
    'carer:read',
    'carer:write',
    'fostering:manage',
    'child:read',
    'placement:read',
  ],
  residential_manager: ['child:read', 'placement:read', 'home:read', 'home:write'],
  personal_adviser: ['child:read', 'careleaver:read', 'careleaver:write'],
  analyst: [
    'figures:read',
    'pseudonymised:read',
    '903:validate',
    '903:export',
    'import:run',
    'plan:read',
    'plan:write',
    'report:generate',
  ],
  panel_member: ['figures:read', 'plan:read'],
  admin: ['user:manage', 'team:manage', 'audit:read', 'token:manage', 'import:run'],
};

/** The permissions an actor's roles grant, narrowed to a token's scopes when acting by token. */
export function permissionsOf(actor: Actor): Set<Permission> {
  if (actor.system) return new Set(PERMISSIONS);
  const granted = new Set<Permission>();
  for (const role of actor.roles) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  if (actor.tokenScopes !== undefined) {
    const scopes = new Set(actor.tokenScopes);
    for (const p of granted) if (!scopes.has(p)) granted.delete(p);
  }
  return granted;
}

/** Default-deny: true only when a role grants the permission (and a token's scopes include it). */
export function can(actor: Actor | undefined, permission: string): boolean {
  if (!actor || !isPermission(permission)) return false;
  return permissionsOf(actor).has(permission);
}

/** The actor lacks a permission for something they know exists (a page or API route). */
export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = 'You do not have permission to do this.') {
    super(message);
  }
}

/**
 * The record does not exist OR is outside the actor's scope: both answer 404, so a user cannot
 * learn that a child they may not see exists.
 */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = 'Page not found') {
    super(message);
  }
}

export function requirePermission(actor: Actor | undefined, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError();
}
