/**
 * The examples file: failures the generated cases found, kept so that every
 * later run against the same target tries them first, until they pass (as
 * Hypothesis's example database does). Without it a `--seed random` run that
 * found a bug would lose it at the next draw.
 *
 * What is stored is not the failing value but where fast-check drew it: the
 * round's seed and the index of the first failing example in that round
 * (fast-check's `seed` + `path` replay options, the path cut to its first
 * segment). Replay regenerates that example and shrinks it again, live.
 * Chosen over the alternatives because it is the one that works for every
 * property: the model-based commands are not JSON (and their shrink tree
 * depends on which commands ran, so a full `path` walked without running them
 * lands on another sequence), and a stored value would carry the old run's
 * names and uuids, where a regenerated one carries this run's prefix and
 * fixtures. The price is re-shrinking (bounded like any shrink), paid only
 * while a saved failure still fails.
 *
 * Entries are keyed by target (the base URL, or the embedded server with its
 * fault): a failure found on one server is never replayed on another.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './options.ts';

export const EXAMPLES_FORMAT = 'sipapp-conformance/examples@1';
export const EXAMPLES_FILE = 'examples.json';

/** One saved failure: where fast-check drew it, and what it broke (for people reading the file). */
export interface SavedExample {
  /** targetKey() of the server it failed on. */
  target: string;
  /** The generated case (property) that failed, e.g. `generated.stateful`. */
  caseId: string;
  /** Judged under --strict: replayed only by runs of the same strictness (a strict-only failure would "pass" a default run). */
  strict: boolean;
  /** fast-check seed of the round that found it. */
  seed: number;
  /** Index of the first failing example in that round (fast-check `path`'s first segment). */
  index: number;
  /** The round began with the property's fixed examples (its first round): they count in the index. */
  withExamples: boolean;
  /** The run that found it: its --seed and --budget. */
  runSeed: number;
  budget: string;
  /** The failed check, one line. */
  failure: string;
  foundAt: string;
}

/** What a property needs of the file: its saved failures, and telling what became of them. */
export interface ExampleStore {
  forCase(caseId: string, strict: boolean): SavedExample[];
  failed(example: Omit<SavedExample, 'target' | 'foundAt'>): void;
  passed(example: SavedExample): void;
}

/** The embedded server with a fault (or reading) is another server than without: its own key. */
export function targetKey(target: { baseUrl: string; embedded: boolean }, fault?: string): string {
  if (target.embedded) return fault ? `embedded --fault ${fault}` : 'embedded';
  return target.baseUrl.replace(/\/+$/, '').toLowerCase();
}

const identity = (e: SavedExample) => JSON.stringify([e.target, e.caseId, e.strict, e.seed, e.index, e.withExamples]);

/** What a run did with the file, for its closing notice. */
export interface ExamplesOutcome {
  path: string;
  replayed: number;
  dropped: SavedExample[];
  added: SavedExample[];
}

export class ExamplesFile implements ExampleStore {
  private readonly added = new Map<string, SavedExample>();
  private readonly dropped = new Map<string, SavedExample>();
  private readonly replayed = new Set<string>();

  private constructor(readonly path: string, readonly target: string, private readonly entries: SavedExample[]) {}

  /** Read the file (absent: empty). One that is not an examples file is a usage error: it is the user's input. */
  static open(path: string, target: string): ExamplesFile {
    return new ExamplesFile(path, target, readEntries(path));
  }

  forCase(caseId: string, strict: boolean): SavedExample[] {
    const mine = this.entries.filter((e) => e.target === this.target && e.caseId === caseId && e.strict === strict);
    mine.forEach((e) => this.replayed.add(identity(e)));
    return mine;
  }

  failed(example: Omit<SavedExample, 'target' | 'foundAt'>): void {
    const entry: SavedExample = { target: this.target, ...example, foundAt: new Date().toISOString() };
    const id = identity(entry);
    // Found again by exploring: it is already there.
    if (!this.entries.some((e) => identity(e) === id)) this.added.set(id, entry);
  }

  passed(example: SavedExample): void {
    this.dropped.set(identity(example), example);
  }

  /**
   * Write what this run changed, merged into the file as it is now (another run may have saved to it
   * meanwhile); written whole to a temporary file and renamed, so a reader never sees half of it.
   * An empty file is removed: no run leaves an empty examples file behind.
   */
  save(): ExamplesOutcome {
    const outcome: ExamplesOutcome = { path: this.path, replayed: this.replayed.size, dropped: [...this.dropped.values()], added: [...this.added.values()] };
    if (!this.added.size && !this.dropped.size) return outcome;
    const current = readEntries(this.path).filter((e) => !this.dropped.has(identity(e)));
    const known = new Set(current.map(identity));
    const examples = [...current, ...[...this.added.values()].filter((e) => !known.has(identity(e)))];
    if (examples.length === 0) {
      rmSync(this.path, { force: true });
      return outcome;
    }
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ format: EXAMPLES_FORMAT, examples }, null, 2)}\n`);
    renameSync(temporary, this.path);
    return outcome;
  }
}

function readEntries(path: string): SavedExample[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UsageError(`cannot read the examples file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} (move it with --examples-file, or --examples-file none)`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const examples = (value as { format?: unknown; examples?: unknown } | undefined);
  if (!examples || examples.format !== EXAMPLES_FORMAT || !Array.isArray(examples.examples)) {
    throw new UsageError(`${path} is not a sipapp-conformance examples file (${EXAMPLES_FORMAT}); remove it, or pass --examples-file with another path or none`);
  }
  return (examples.examples as SavedExample[]).filter((e) => e && typeof e.caseId === 'string' && Number.isInteger(e.seed) && Number.isInteger(e.index));
}

/** The closing notice: what was replayed, dropped and saved (nothing when the file was not touched). */
export function describeExamplesOutcome(o: ExamplesOutcome): string[] {
  const lines: string[] = [];
  if (o.replayed) {
    const still = o.replayed - o.dropped.length;
    lines.push(`replayed ${o.replayed} saved failing example(s) from ${o.path} first: ${still} still fail(s), ${o.dropped.length} pass(es) now and ${o.dropped.length === 1 ? 'was' : 'were'} dropped`);
  }
  if (o.added.length) lines.push(`saved ${o.added.length} failing example(s) (${[...new Set(o.added.map((e) => e.caseId))].join(', ')}) to ${o.path}: later runs against this target replay them first, until they pass`);
  return lines;
}
