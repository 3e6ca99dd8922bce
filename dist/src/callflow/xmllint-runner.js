/**
 * Runs xmllint (xmllint-wasm) over call-flow documents against one XSD, cheaply.
 *
 * xmllint-wasm's public validateXML() starts a worker thread and compiles the
 * wasm binary on every call (~40 ms per document). Here one persistent worker
 * (xmllint-worker.cjs) compiles the wasm once; each run instantiates a fresh
 * xmllint (~4-5 ms). Documents submitted while a run is in flight, or in the
 * same tick, are validated together in the next run (up to MAX_BATCH), so the
 * XSD is parsed once per batch (~0.2 ms per document under load). The worker is
 * unref'd while idle, so it never keeps the process alive. If the worker cannot
 * be used (three failures), the public validateXML() is used instead: slower,
 * same output.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { validateXML } from 'xmllint-wasm';
const XSD_FILE = 'schema.xsd';
const WORKER_KEY = 'sipapp-callflow-xmllint';
const MAX_BATCH = 64;
const RUN_TIMEOUT_MS = 60_000;
/** WebAssembly pages (64 KiB): 16 MiB initial (the wasm binary's own minimum), 512 MiB ceiling for large documents. */
const MEMORY_PAGES = { initial: 256, maximum: 8192 };
// "doc-3.xml:12: element Gather: Schemas validity error : Element 'Gather', attribute 'numDigits': ..."
// "doc-3.xml:1: parser error : Opening and ending tag mismatch: a line 1 and Response"
const LOCATED = /^([^:\s]+):(\d+): (.*)$/;
/** Splits xmllint's stderr by document. */
export function splitOutput(stderr, fileNames) {
    const byFile = new Map(fileNames.map((f) => [f, { validates: false, lines: [] }]));
    for (const raw of stderr.split('\n')) {
        const line = raw.trimEnd();
        const loc = LOCATED.exec(line);
        if (loc) {
            byFile.get(loc[1])?.lines.push({ line: Number(loc[2]), text: loc[3] });
            continue;
        }
        const ok = /^(\S+) validates$/.exec(line);
        if (ok) {
            const o = byFile.get(ok[1]);
            if (o)
                o.validates = true;
        }
        // Other lines ("<file> fails to validate", the source excerpt and caret
        // printed after a parser error) carry nothing a one-liner needs.
    }
    return byFile;
}
/** Validates many documents in ONE xmllint run through the public xmllint-wasm API (fallback path). */
export async function runWithPublicApi(xsd, docs) {
    const r = await validateXML({
        xml: docs,
        schema: { fileName: XSD_FILE, contents: xsd },
        initialMemoryPages: MEMORY_PAGES.initial,
        maxMemoryPages: MEMORY_PAGES.maximum,
    });
    // validateXML drops the "<file> validates" lines; rebuild them.
    const failed = new Set(r.errors.map((e) => e.loc?.fileName ?? /^(\S+) fails to validate$/.exec(e.rawMessage)?.[1]));
    const validates = docs.filter((d) => !failed.has(d.fileName)).map((d) => `${d.fileName} validates\n`);
    return { exitCode: r.valid ? 0 : 3, stderr: r.rawOutput + validates.join('') };
}
export class XmllintRunner {
    xsdPath;
    xsdText;
    queue = [];
    busy = false;
    flushScheduled = false;
    worker = null;
    workerFailures = 0;
    nextRunId = 1;
    pendingRun = null;
    /** Force the public-API path (tests). */
    usePublicApi = false;
    constructor(xsdPath) {
        this.xsdPath = xsdPath;
    }
    /** The XSD text, read once. */
    xsd() {
        return (this.xsdText ??= readFileSync(this.xsdPath, 'utf8'));
    }
    lint(xml) {
        return new Promise((resolve, reject) => {
            this.queue.push({ xml, resolve, reject });
            this.scheduleFlush();
        });
    }
    /** Stops the worker (it is unref'd while idle, so calling this is optional). */
    async close() {
        const w = this.worker;
        this.worker = null;
        if (w)
            await w.terminate();
    }
    scheduleFlush() {
        if (this.busy || this.flushScheduled || this.queue.length === 0)
            return;
        this.flushScheduled = true;
        queueMicrotask(() => {
            this.flushScheduled = false;
            void this.flush();
        });
    }
    async flush() {
        if (this.busy || this.queue.length === 0)
            return;
        this.busy = true;
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
            const outcomes = await this.lintBatch(batch.map((j) => j.xml));
            batch.forEach((j, i) => j.resolve(outcomes[i]));
        }
        catch (err) {
            batch.forEach((j) => j.reject(err));
        }
        finally {
            this.busy = false;
            if (this.queue.length > 0)
                this.scheduleFlush();
            else
                this.worker?.unref();
        }
    }
    async lintBatch(docs) {
        const files = docs.map((contents, i) => ({ fileName: `doc-${i}.xml`, contents }));
        const names = files.map((f) => f.fileName);
        let result;
        if (!this.usePublicApi && this.workerFailures < 3) {
            try {
                result = await this.runInWorker(files);
            }
            catch {
                this.workerFailures += 1;
                result = await runWithPublicApi(this.xsd(), files);
            }
        }
        else {
            result = await runWithPublicApi(this.xsd(), files);
        }
        if (result.exitCode < 0 || /Schemas parser error|failed to compile/.test(result.stderr)) {
            if (docs.length > 1 && result.exitCode < 0) {
                // One document may have exhausted memory: isolate it.
                const single = [];
                for (const d of docs)
                    single.push(...(await this.lintBatch([d])));
                return single;
            }
            throw new Error(`xmllint could not run (exit ${result.exitCode}): ${result.stderr.trim().slice(0, 500)}`);
        }
        const byFile = splitOutput(result.stderr, names);
        return names.map((n) => byFile.get(n));
    }
    runInWorker(docs) {
        const w = this.getWorker();
        w.ref();
        return new Promise((resolve, reject) => {
            const id = this.nextRunId++;
            // A run that never answers (it should not happen) must not hang the caller:
            // drop the worker; lintBatch then retries through the public API.
            const timer = setTimeout(() => this.failWorker(w, new Error(`xmllint worker: no answer in ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS);
            timer.unref();
            this.pendingRun = {
                id,
                worker: w,
                resolve: (r) => (clearTimeout(timer), resolve(r)),
                reject: (e) => (clearTimeout(timer), reject(e)),
            };
            w.postMessage({ [WORKER_KEY]: true, id, schema: { fileName: XSD_FILE, contents: this.xsd() }, docs, memoryPages: MEMORY_PAGES });
        });
    }
    failWorker(w, err) {
        if (this.worker === w)
            this.worker = null;
        void w.terminate();
        const p = this.pendingRun;
        if (p?.worker !== w)
            return; // e.g. the exit of a worker closed earlier
        this.pendingRun = null;
        p.reject(err);
    }
    getWorker() {
        if (this.worker)
            return this.worker;
        // execArgv: [] — the worker is plain CommonJS; it needs none of the parent's
        // loaders (tsx, test-runner hooks), which would only slow its start.
        const w = new Worker(new URL('./xmllint-worker.cjs', import.meta.url), { execArgv: [] });
        const fail = (err) => this.failWorker(w, err);
        w.on('message', (msg) => {
            if (!msg || msg[WORKER_KEY] !== true || this.pendingRun?.worker !== w || msg.id !== this.pendingRun.id)
                return;
            const p = this.pendingRun;
            this.pendingRun = null;
            p.resolve({ exitCode: msg.exitCode ?? -1, stderr: msg.stderr ?? '' });
        });
        w.on('error', fail);
        w.on('exit', (code) => fail(new Error(`xmllint worker exited (${code})`)));
        w.unref();
        this.worker = w;
        return w;
    }
}
//# sourceMappingURL=xmllint-runner.js.map