import type { Role } from './roles.ts';

/** Who is acting: the signed-in user (or token holder) and where the request came from. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: readonly Role[];
  teamId: number | null;
  /** Client address, for the audit trail. */
  address: string | null;
  /** Scopes of a personal access token; undefined for a browser session (all of the roles' rights). */
  tokenScopes?: readonly string[];
  /** A CLI command or job acting for the authority as a whole (import, export, demo). */
  system?: boolean;
}

/** The actor used by CLI commands and background jobs: recorded in the audit trail by name. */
export function systemActor(name: string): Actor {
  return {
    userId: 0,
    username: `system:${name}`,
    displayName: `System (${name})`,
    roles: [],
    teamId: null,
    address: null,
    system: true,
  };
}
