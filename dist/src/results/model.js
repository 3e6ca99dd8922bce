/**
 * The results model: what a run produces and every reporter consumes.
 * Data only (JSON-serialisable), so the JSON bundle is this model written out
 * and `merge`/`diff` can read it back.
 */
export {};
//# sourceMappingURL=model.js.map