/**
 * The Fastify application: one route per operation, every answer written by
 * `finish` (envelope, content type, fault transformer, timing), every error
 * turned into the error envelope.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { OPERATIONS, type OperationId } from '../spec/operations.ts';
import { tokenFromHeaders, type AuthFailure, type TokenAuthority } from './auth.ts';
import type { Behaviour } from './behaviour.ts';
import type { Handler } from './context.ts';
import type { FaultDefinition } from './faults.ts';
import { JSON_TYPE, errorBody, type ResponseContext } from './respond.ts';
import { APP_HANDLERS } from './routes/apps.ts';
import { CALL_HANDLERS, refuseUnacceptedEncoding } from './routes/calls.ts';
import { LEASE_HANDLERS } from './routes/leases.ts';
import type { Store } from './state.ts';
import type { RequestLogEntry } from './types.ts';
import { ApiError } from './util.ts';
import { installConnectionResets } from './network.ts';

export interface AppDeps {
  store: Store;
  tokens: TokenAuthority;
  behaviour: Behaviour;
  /** The response and timing hooks of the fault and/or reading the server runs with. */
  fault?: Pick<FaultDefinition, 'respond' | 'timing'>;
  latencyMs: number;
  faultDelayMs: number;
  logger: boolean;
  requestLog: RequestLogEntry[];
  timers: Timers;
  /** Seed of a flaky network's resets (behaviour.connectionResets), instead of the reading's own. */
  networkSeed?: number;
}

/** Pending sleeps, so close() can drop them and never wait on a slow fault. */
export class Timers {
  private pending = new Set<NodeJS.Timeout>();
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.pending.delete(t);
        resolve();
      }, ms);
      this.pending.add(t);
    });
  }
  /** Never resolves (the connection is closed by close()). */
  hang(): Promise<void> {
    return new Promise(() => {});
  }
  clear(): void {
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
  }
}

interface RequestMeta {
  account?: string;
  authFailure?: AuthFailure;
}

const AUTH_MESSAGES: Record<AuthFailure, string> = {
  missing: 'Authentication required: send a JWT in the X-Auth-Token header',
  malformed: 'Invalid token: not a JWT',
  'alg-none': 'Invalid token: unsigned tokens are not accepted',
  'wrong-alg': 'Invalid token: unsupported algorithm',
  expired: 'Invalid token: expired',
  'bad-signature': 'Invalid token: signature verification failed',
  'unknown-account': 'Invalid token: unknown account',
};

const HANDLERS: Record<OperationId, Handler> = {
  ...APP_HANDLERS,
  ...LEASE_HANDLERS,
  ...CALL_HANDLERS,
} as Record<OperationId, Handler>;

/** Fastify's body-parser errors for a body that is not JSON. */
const MALFORMED_JSON_CODES = new Set(['FST_ERR_CTP_INVALID_JSON_BODY', 'FST_ERR_CTP_EMPTY_JSON_BODY']);

export function buildApp(deps: AppDeps): FastifyInstance {
  const { store, tokens, behaviour, fault } = deps;
  const app = Fastify({ logger: deps.logger, forceCloseConnections: true, bodyLimit: 1024 * 1024 });
  // First of all hooks: a network drops a connection whatever the API behind it would have said.
  if (behaviour.connectionResets) installConnectionResets(app, { ...behaviour.connectionResets, seed: deps.networkSeed ?? behaviour.connectionResets.seed });
  const meta = new WeakMap<FastifyRequest, RequestMeta>();
  const metaOf = (req: FastifyRequest): RequestMeta => {
    let m = meta.get(req);
    if (!m) meta.set(req, (m = {}));
    return m;
  };
  const operationOf = (req: FastifyRequest): OperationId | null =>
    ((req.routeOptions?.config as { operation?: OperationId } | undefined)?.operation ?? null);

  async function finish(req: FastifyRequest, reply: FastifyReply, status: number, body: unknown): Promise<FastifyReply> {
    const m = metaOf(req);
    const operation = operationOf(req);
    let ctx: ResponseContext = {
      operation,
      method: req.method,
      url: req.url,
      status,
      body,
      contentType: JSON_TYPE,
      account: m.account,
      authFailure: m.authFailure,
    };
    if (fault?.respond) ctx = fault.respond(ctx);
    const timing = fault?.timing?.(operation);
    if (timing === 'hang') await deps.timers.hang();
    if (timing === 'delay') await deps.timers.sleep(deps.faultDelayMs);
    if (deps.latencyMs > 0) await deps.timers.sleep(deps.latencyMs);
    reply.code(ctx.status).header('content-type', ctx.contentType);
    if (ctx.body === undefined) return reply.send();
    return reply.send(typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body));
  }

  app.register(multipart, { limits: { fileSize: 1024 * 1024, files: 4, fields: 16 } });
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  // E70: a rate limiter in front of the API; the request is not processed (its body not even read).
  if (behaviour.rateLimit) {
    const limit = behaviour.rateLimit;
    let window = 0;
    let count = 0;
    app.addHook('onRequest', async (req, reply) => {
      const second = Math.floor(Date.now() / 1000);
      if (second !== window) { window = second; count = 0; }
      if (++count <= limit.perSecond) return;
      if (limit.retryAfter === 'seconds') reply.header('retry-after', '1');
      if (limit.retryAfter === 'http-date') reply.header('retry-after', new Date((second + 1) * 1000).toUTCString());
      return reply.code(limit.status).header('content-type', JSON_TYPE).send(JSON.stringify(errorBody(limit.status, 'Too many requests, slow down')));
    });
  }

  // E70: a server that checks the token as soon as the headers are in answers a bad one with 401
  // and closes the connection without reading the body (curl shows that 401; so must the suite).
  if (behaviour.authBeforeBody) {
    app.addHook('onRequest', async (req, reply) => {
      const operation = operationOf(req);
      if (operation === null) return;
      const verdict = behaviour.judgeToken(await tokens.verify(tokenFromHeaders(req.headers, operation === 'ExecuteSIPControlAppCallExecuteCallFlow'), (u) => store.accounts.has(u)), operation);
      if (verdict.ok) return;
      metaOf(req).authFailure = verdict.reason;
      reply.raw.once('finish', () => req.raw.socket?.destroy());
      return reply.code(401).header('connection', 'close').header('content-type', JSON_TYPE).send(JSON.stringify(errorBody(401, AUTH_MESSAGES[verdict.reason])));
    });
  }

  app.addHook('onResponse', async (req, reply) => {
    deps.requestLog.push({ method: req.method, url: req.url, status: reply.statusCode, account: meta.get(req)?.account });
  });

  app.setErrorHandler(async (err: Error & { statusCode?: number; code?: string }, req, reply) => {
    let status: number;
    let message: string;
    if (err instanceof ApiError) {
      status = err.status;
      message = err.message;
    } else if ((err.code !== undefined && MALFORMED_JSON_CODES.has(err.code)) || (err instanceof SyntaxError && err.statusCode === 400)) {
      status = behaviour.malformedJsonStatus;
      message = status >= 500 ? 'Internal Server Error' : `Malformed JSON body: ${err.message}`;
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      message = err.message;
    } else {
      req.log.error(err);
      status = 500;
      message = 'Internal Server Error';
    }
    return finish(req, reply, status, errorBody(status, message));
  });

  app.setNotFoundHandler(async (req, reply) =>
    finish(req, reply, 404, errorBody(404, `Route ${req.method} ${req.url.split('?')[0]} not found`)),
  );

  for (const operation of Object.keys(OPERATIONS) as OperationId[]) {
    const { method, path } = OPERATIONS[operation];
    const bearer = operation === 'ExecuteSIPControlAppCallExecuteCallFlow'; // E08
    app.route({
      method,
      url: path.replace('{uuid}', ':uuid'),
      config: { operation },
      handler: async (req, reply) => {
        const m = metaOf(req);
        if (bearer && behaviour.callflowEncodings.checkedFirst) refuseUnacceptedEncoding(req, behaviour);
        const token = tokenFromHeaders(req.headers, bearer);
        let account: string | null = null;
        if (!(token === undefined && behaviour.anonymous.has(operation))) {
          const verdict = behaviour.judgeToken(await tokens.verify(token, (u) => store.accounts.has(u)), operation);
          if (!verdict.ok) {
            m.authFailure = verdict.reason;
            throw new ApiError(401, AUTH_MESSAGES[verdict.reason]);
          }
          account = m.account = verdict.account;
        }
        const result = await HANDLERS[operation]({
          operation,
          store,
          behaviour,
          account,
          params: req.params as Record<string, string>,
          body: req.body,
          request: req,
        });
        return finish(req, reply, result.status, { success: true, payload: result.payload });
      },
    });
  }
  return app;
}
