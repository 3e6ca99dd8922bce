/**
 * A flaky network in front of the reference server (a reading: never the API's fault). Each
 * request draws from a PRNG seeded once per server, so the same seed resets the same requests
 * in the order they arrive (with one request in flight at a time, exactly the same ones):
 * - `before`: the connection is reset as the request arrives; nothing is handled;
 * - `after`: the request is handled (its change made) and the connection reset instead of
 *   answering: the answer is lost.
 * Resets are TCP RSTs (socket.resetAndDestroy), what a load balancer or a NAT timing out sends.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface ConnectionResets {
  /** Share of requests reset, half before and half after they are handled (0..1). */
  rate: number;
  seed: number;
}

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Install the resets on a Fastify app, before any other hook. */
export function installConnectionResets(app: FastifyInstance, resets: ConnectionResets): void {
  const draw = seededRandom(resets.seed);
  const loseAnswer = new WeakSet<FastifyRequest>();
  app.addHook('onRequest', async (req, reply) => {
    const x = draw();
    if (x < resets.rate / 2) {
      // Taken over and never answered: the handler does not run.
      reply.hijack();
      req.raw.socket.resetAndDestroy();
    } else if (x < resets.rate) {
      loseAnswer.add(req);
    }
  });
  app.addHook('onSend', async (req, _reply, payload) => {
    // Handled: the state changed; the answer never leaves.
    if (loseAnswer.has(req)) req.raw.socket.resetAndDestroy();
    return payload;
  });
}
