'use strict';
// Persistent xmllint worker for src/callflow/validate.ts.
//
// xmllint-wasm's public validateXML() starts a new worker thread and compiles
// the 780 KB wasm binary on every call (~40 ms). This worker compiles the wasm
// ONCE and then, per request, instantiates a fresh xmllint (a new Emscripten
// Module with its own memory and in-memory file system, so no state leaks from
// one run to the next) and runs `xmllint --schema callflow.xsd --noout doc-*.xml`
// over a batch of documents. It uses the same Emscripten module options
// (inputFiles, arguments, print, printErr, onExit) as xmllint-wasm's own worker,
// plus the standard Emscripten `instantiateWasm` hook to reuse the compiled module.
//
// Protocol (messages tagged with KEY):
//   in : { [KEY]: true, id, schema: {fileName, contents}, docs: [{fileName, contents}], memoryPages }
//   out: { [KEY]: true, id, exitCode, stderr }   (exitCode -1 on abort/crash)
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const KEY = 'sipapp-callflow-xmllint';
// Requiring the glue also registers xmllint-wasm's own message listener; it
// ignores messages without its own tag, so it never answers ours.
const createXmllint = require('xmllint-wasm/xmllint-node.js');
const wasmModule = new WebAssembly.Module(fs.readFileSync(require.resolve('xmllint-wasm/xmllint.wasm')));
function run(req) {
    return new Promise((resolve) => {
        let stderr = '';
        let settled = false;
        const finish = (exitCode, extra) => {
            if (settled)
                return;
            settled = true;
            resolve({ exitCode, stderr: extra ? stderr + extra : stderr });
        };
        const memory = new WebAssembly.Memory({ initial: req.memoryPages.initial, maximum: req.memoryPages.maximum });
        let started;
        try {
            started = createXmllint({
                inputFiles: [req.schema, ...req.docs],
                arguments: ['--schema', req.schema.fileName, '--noout', ...req.docs.map((d) => d.fileName)],
                wasmMemory: memory,
                instantiateWasm(imports, receive) {
                    WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule), (err) => finish(-1, 'WASM instantiate failed: ' + String(err)));
                    return {};
                },
                print() { },
                printErr(text) { stderr += text + '\n'; },
                onExit(code) { finish(code); },
                onAbort(reason) { finish(-1, 'WASM Abort: ' + String(reason)); },
            });
        }
        catch (err) {
            finish(-1, 'xmllint failed: ' + String(err && err.message || err));
            return;
        }
        Promise.resolve(started).then(
        // onExit has normally fired by now; if xmllint returned without calling
        // exit (should not happen), report an unknown outcome.
        () => setImmediate(() => finish(-1, 'xmllint returned without exit status')), (err) => finish(-1, 'xmllint failed: ' + String(err && err.message || err)));
    });
}
parentPort.on('message', async (msg) => {
    if (!msg || msg[KEY] !== true)
        return;
    const out = await run(msg);
    parentPort.postMessage({ [KEY]: true, id: msg.id, exitCode: out.exitCode, stderr: out.stderr });
});
//# sourceMappingURL=xmllint-worker.cjs.map