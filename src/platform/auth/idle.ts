// "You were signed out because you were inactive": the session cookie expires after the idle
// timeout, so the browser stops sending it and the server cannot tell a timed-out user from a new
// one. A second cookie, kept for the browser session, records when the user was last active; on
// the sign-in page, a last activity older than the idle timeout means they timed out. It holds no
// secret: altering it only changes that sentence. Sign-out clears it.
import type { Request, Response } from 'express';

export const ACTIVE_COOKIE = 'hearth.active';

function lastActive(req: Request): number | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === ACTIVE_COOKIE && value && /^\d+$/.test(value)) return Number(value);
  }
  return null;
}

/** On each request by a signed-in user (session): remember that they were active now. */
export function noteActivity(req: Request, res: Response): void {
  res.cookie(ACTIVE_COOKIE, String(Date.now()), {
    httpOnly: true,
    secure: req.session.cookie.secure === true,
    sameSite: 'lax',
    path: '/',
  });
}

/** Clear the record (at sign-out always; on the sign-in page when the browser sent one). */
export function forgetActivity(req: Request, res: Response, always = false): void {
  if (!always && lastActive(req) === null) return;
  res.clearCookie(ACTIVE_COOKIE, {
    httpOnly: true,
    secure: req.session.cookie.secure === true,
    sameSite: 'lax',
    path: '/',
  });
}

/** True when the last activity this browser recorded is older than the idle timeout. */
export function timedOut(req: Request, idleMinutes: number, now = Date.now()): boolean {
  const at = lastActive(req);
  return at !== null && now - at >= idleMinutes * 60_000;
}

export function inactiveMessage(minutes: number): string {
  return `You were signed out because you were inactive for ${String(minutes)} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
