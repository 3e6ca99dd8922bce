export function defineCases(suite, cases) {
    return cases.map((c) => ({ ...c, suite, id: `${suite}.${c.id}` }));
}
//# sourceMappingURL=case.js.map