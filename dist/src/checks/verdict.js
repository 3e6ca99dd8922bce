export const pass = (note) => ({ pass: true, note });
export function fail(message, expected, actual) {
    return { pass: false, message, expected, actual };
}
//# sourceMappingURL=verdict.js.map