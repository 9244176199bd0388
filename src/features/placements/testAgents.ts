// The placement integration tests act as several signed-in users by username: `as` holds their
// agents (filled in beforeAll), and post/get call the API as one of them.
import type { signedIn } from '../../platform/http/testing.ts';

export type Agent = Awaited<ReturnType<typeof signedIn>>;

export function signedInUsers() {
  const as: Record<string, Agent> = {};
  const agent = (user: string): Agent => {
    const a = as[user];
    if (!a) throw new Error(`not signed in: ${user}`);
    return a;
  };
  const post = (user: string, path: string, body: object) =>
    agent(user).agent.post(`/api/v1${path}`).set('x-csrf-token', agent(user).csrf).send(body);
  const get = (user: string, path: string) => agent(user).agent.get(`/api/v1${path}`);
  return { as, agent, post, get };
}
