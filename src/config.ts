// One typed configuration object, read once from the environment. Every setting is documented in
// README.md ("Settings"); keep the two in step.
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.url().optional(),
  HEARTH_DATA_DIR: z.string().default('./data'),
  HEARTH_AUTHORITY_NAME: z
    .string()
    .min(1)
    .default('City of Bradford Metropolitan District Council'),
  HEARTH_AUTHORITY_CODE: z
    .string()
    .regex(/^\d{3}$/, 'a three-digit DfE LA code')
    .default('380'),
  HEARTH_SESSION_SECRET: z.string().min(32).optional(),
  HEARTH_IDLE_TIMEOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  HEARTH_SECURE_COOKIES: bool.optional(),
  HEARTH_TEAM_SCOPE: bool.default(true),
  HEARTH_DEMO: bool.default(true),
  HEARTH_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  HEARTH_OIDC_ISSUER: z.url().optional(),
  HEARTH_OIDC_CLIENT_ID: z.string().optional(),
  HEARTH_OIDC_CLIENT_SECRET: z.string().optional(),
  HEARTH_OIDC_REDIRECT_URI: z.url().optional(),
  HEARTH_OIDC_ROLE_CLAIM: z.string().default('roles'),
  HEARTH_BASE_URL: z.url().optional(),
  NODE_ENV: z.string().default('development'),
});

export type Env = z.input<typeof schema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  authority: { name: string; code: string };
  sessionSecret: string | undefined;
  idleTimeoutMinutes: number;
  secureCookies: boolean;
  teamScope: boolean;
  demo: boolean;
  logLevel: string;
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        redirectUri: string;
        roleClaim: string;
      }
    | undefined;
  production: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Hearth cannot start: these settings are not valid\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  let oidc: Config['oidc'];
  if (e.HEARTH_OIDC_ISSUER) {
    if (!e.HEARTH_OIDC_CLIENT_ID || !e.HEARTH_OIDC_REDIRECT_URI) {
      throw new ConfigError(
        'Hearth cannot start: HEARTH_OIDC_ISSUER is set, so HEARTH_OIDC_CLIENT_ID and HEARTH_OIDC_REDIRECT_URI are needed too',
      );
    }
    oidc = {
      issuer: e.HEARTH_OIDC_ISSUER,
      clientId: e.HEARTH_OIDC_CLIENT_ID,
      clientSecret: e.HEARTH_OIDC_CLIENT_SECRET,
      redirectUri: e.HEARTH_OIDC_REDIRECT_URI,
      roleClaim: e.HEARTH_OIDC_ROLE_CLAIM,
    };
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.HEARTH_DATA_DIR,
    authority: { name: e.HEARTH_AUTHORITY_NAME, code: e.HEARTH_AUTHORITY_CODE },
    sessionSecret: e.HEARTH_SESSION_SECRET,
    idleTimeoutMinutes: e.HEARTH_IDLE_TIMEOUT_MINUTES,
    secureCookies: e.HEARTH_SECURE_COOKIES ?? production,
    teamScope: e.HEARTH_TEAM_SCOPE,
    demo: e.HEARTH_DEMO,
    logLevel: e.HEARTH_LOG_LEVEL,
    oidc,
    production,
  };
}
