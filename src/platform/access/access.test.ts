import { describe, expect, it } from 'vitest';
import {
  PERMISSIONS,
  can,
  requirePermission,
  ForbiddenError,
  permissionsOf,
  type Permission,
} from './access.ts';
import { systemActor, type Actor } from './actor.ts';
import { ROLES, type Role } from './roles.ts';

const actor = (roles: Role[], tokenScopes?: string[]): Actor => ({
  userId: 1,
  username: 'u',
  displayName: 'U',
  roles,
  teamId: null,
  address: null,
  ...(tokenScopes ? { tokenScopes } : {}),
});

describe('can', () => {
  it.each<[Role, Permission, boolean]>([
    ['panel_member', 'figures:read', true],
    ['panel_member', 'child:read', false],
    ['panel_member', 'pseudonymised:read', false],
    ['analyst', 'figures:read', true],
    ['analyst', 'pseudonymised:read', true],
    ['analyst', 'child:read', false],
    ['social_worker', 'child:read', true],
    ['social_worker', 'audit:child-viewers', false],
    ['team_manager', 'audit:child-viewers', true],
    ['service_manager', 'audit:child-viewers', true],
    ['admin', 'user:manage', true],
    ['admin', 'child:read', false],
    ['iro', 'review:write', true],
    ['fostering_worker', 'carer:write', true],
    ['fostering_worker', 'fostering:manage', false],
    ['fostering_manager', 'fostering:manage', true],
    ['fostering_manager', 'carer:write', true],
    ['fostering_manager', 'user:manage', false],
    ['team_manager', 'fostering:manage', false],
    ['service_manager', 'fostering:manage', false],
    ['placement_officer', 'placement:manage', true],
    ['personal_adviser', 'careleaver:write', true],
    ['residential_manager', 'child:write', false],
  ])('%s may %s: %s', (role, permission, expected) => {
    expect(can(actor([role]), permission)).toBe(expected);
  });

  it('denies by default: no actor, no roles, unknown permissions', () => {
    expect(can(undefined, 'child:read')).toBe(false);
    expect(can(actor([]), 'figures:read')).toBe(false);
    expect(can(actor(['admin']), 'everything')).toBe(false);
    for (const role of ROLES) expect(can(actor([role]), 'nothing:at-all')).toBe(false);
  });

  it('narrows a token to its scopes and never widens it', () => {
    expect(can(actor(['admin'], ['audit:read']), 'user:manage')).toBe(false);
    expect(can(actor(['admin'], ['audit:read']), 'audit:read')).toBe(true);
    expect(can(actor(['panel_member'], ['child:read']), 'child:read')).toBe(false);
    expect(permissionsOf(actor(['admin'], []))).toEqual(new Set());
  });

  it('lets a system actor (CLI, jobs) do everything', () => {
    expect(permissionsOf(systemActor('cli'))).toEqual(new Set(PERMISSIONS));
  });

  it('requirePermission throws ForbiddenError', () => {
    expect(() => {
      requirePermission(actor(['panel_member']), 'child:read');
    }).toThrow(ForbiddenError);
    expect(() => {
      requirePermission(actor(['panel_member']), 'figures:read');
    }).not.toThrow();
  });
});
