// A middleware built on first use from something asynchronous (features discovered from disk, the
// session secret read from the database), so createApp() can stay synchronous.
import type { RequestHandler } from 'express';

export function lazy(make: () => Promise<RequestHandler>): RequestHandler {
  let ready: RequestHandler | undefined;
  let building: Promise<RequestHandler> | undefined;
  return (req, res, next) => {
    if (ready) {
      ready(req, res, next);
      return;
    }
    building ??= make();
    building.then(
      (handler) => {
        ready = handler;
        handler(req, res, next);
      },
      (err: unknown) => {
        building = undefined;
        next(err);
      },
    );
  };
}
