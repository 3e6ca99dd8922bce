/**
 * A loopback relay between Pact's verifier and the provider. Pact's verifier sends each request
 * once; a rate-limited provider's 429/503 (E70) would fail the interaction though the provider
 * conforms, and an answer sent before the request body was read could be lost as a connection
 * error. The relay forwards every request through the suite's HttpClient, which waits throttling
 * out and keeps complete early answers, and hands the verifier the answer that counts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpClient } from '../runner/http.ts';

/** Headers that belong to one hop (RFC 9110 §7.6.1) or that the relay recomputes. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-connection', 'host', 'content-length']);

export interface Relay {
  url: string;
  close(): Promise<void>;
}

export async function startRelay(targetBaseUrl: string, http: HttpClient): Promise<Relay> {
  const server = createServer((req, res) => void forward(req, res));
  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const reply = await http.send({ method: req.method ?? 'GET', url: `${targetBaseUrl}${req.url ?? '/'}`, headers, body });
    if (reply.kind !== 'response') {
      // The verifier reports this as the interaction's mismatch (status 502 and the reason).
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end(`relay: ${reply.message}`);
      return;
    }
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
    res.writeHead(reply.status, out).end(reply.text);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
