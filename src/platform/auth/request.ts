// What Hearth adds to each request: the actor (signed-in user or token holder) and how they were
// authenticated.
import type { Actor } from '../access/actor.ts';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
    authVia?: 'session' | 'token';
  }
}

export {};
