// The roles of Hearth. A user holds one or more; what each may see is decided in access.ts by role
// plus relationship to the record (design.md, principle 4).
export const ROLES = [
  'social_worker',
  'team_manager',
  'service_manager',
  'iro',
  'placement_officer',
  'fostering_worker',
  'fostering_manager',
  'residential_manager',
  'personal_adviser',
  'analyst',
  'panel_member',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  social_worker: 'Social worker',
  team_manager: 'Team manager',
  service_manager: 'Service manager or senior leader',
  iro: 'Independent reviewing officer',
  placement_officer: 'Placement officer',
  fostering_worker: 'Fostering worker',
  fostering_manager: 'Fostering team manager',
  residential_manager: 'Residential manager',
  personal_adviser: 'Personal adviser',
  analyst: 'Performance analyst',
  panel_member: 'Corporate Parenting Panel member',
  admin: 'Administrator',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
