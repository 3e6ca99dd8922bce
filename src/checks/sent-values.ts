/**
 * Read-after-write for the response schema (issue 21, item 2). When a server accepts an
 * out-of-spec value inside an app's trunk settings (a rule the page does not state, E77) and
 * echoes it, the value is what the run sent, not the server's schema error. The run records
 * every such value it sends, per app (by uuid, and by name until the create's uuid is known);
 * `response-schema` then judges an answer with each recorded value that comes back exactly as
 * sent taken out, wherever the app shows up (write answers, gets, any case's list answers).
 * Everything else in the body is judged as always.
 */
import { validateRequestBody } from '../spec/validators.ts';
import type { OperationId } from '../spec/operations.ts';
import { isObject } from './observed.ts';

const TRUNK = 'class4_egress_trunk_settings';
const TRUNK_POINTER = new RegExp(`^/${TRUNK}/([^/]+)`);

/** Per key of the trunk settings: every out-of-spec value (as JSON) the run sent for it. */
type Values = Map<string, Set<string>>;

export class SentValues {
  private readonly byUuid = new Map<string, Values>();
  private readonly byName = new Map<string, Values>();

  get empty(): boolean {
    return this.byUuid.size === 0 && this.byName.size === 0;
  }

  /**
   * Before a Create or Modify goes out: the trunk-settings values of `body` the request schema
   * refuses (recorded before the answer, so a list answered meanwhile is judged alike).
   */
  noteRequest(operation: OperationId, body: unknown, uuid?: string): void {
    if (operation !== 'CreateSIPControlApp' && operation !== 'ModifySIPControlApp') return;
    if (!isObject(body) || !isObject(body[TRUNK])) return;
    const sent = body[TRUNK];
    const keys = new Set<string>();
    for (const error of validateRequestBody(operation, body)) {
      const key = TRUNK_POINTER.exec(error.pointer)?.[1];
      if (key !== undefined && key in sent) keys.add(key);
    }
    if (keys.size === 0) return;
    const add = (map: Map<string, Values>, id: string) => {
      const values = map.get(id) ?? new Map<string, Set<string>>();
      for (const key of keys) values.set(key, (values.get(key) ?? new Set()).add(JSON.stringify(sent[key])));
      map.set(id, values);
    };
    if (uuid) add(this.byUuid, uuid);
    else if (typeof body.name === 'string') add(this.byName, body.name);
  }

  /** A create answered with the app's uuid: its recorded values follow the uuid (a later rename keeps them). */
  created(name: unknown, uuid: string): void {
    const values = typeof name === 'string' ? this.byName.get(name) : undefined;
    if (values && !this.byUuid.has(uuid)) this.byUuid.set(uuid, values);
  }

  /** `body` with every recorded value echoed as sent taken out; the very same object when none is. */
  exempt(body: unknown, depth = 0): unknown {
    if (this.empty || depth > 8) return body;
    if (Array.isArray(body)) {
      let changed = false;
      const out = body.map((item) => {
        const next = this.exempt(item, depth + 1);
        changed ||= next !== item;
        return next;
      });
      return changed ? out : body;
    }
    if (!isObject(body)) return body;
    let out: Record<string, unknown> | undefined;
    for (const [key, value] of Object.entries(body)) {
      const next = key === TRUNK ? this.exemptTrunk(body, value) : this.exempt(value, depth + 1);
      if (next !== value) (out ??= { ...body })[key] = next;
    }
    return out ?? body;
  }

  private exemptTrunk(app: Record<string, unknown>, trunk: unknown): unknown {
    if (!isObject(trunk)) return trunk;
    const values = [
      typeof app.uuid === 'string' ? this.byUuid.get(app.uuid) : undefined,
      typeof app.name === 'string' ? this.byName.get(app.name) : undefined,
    ];
    let out: Record<string, unknown> | undefined;
    for (const key of Object.keys(trunk)) {
      const echoed = JSON.stringify(trunk[key]);
      if (values.some((v) => v?.get(key)?.has(echoed))) delete (out ??= { ...trunk })[key];
    }
    return out ?? trunk;
  }
}
