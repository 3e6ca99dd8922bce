/** Public types of the embedded reference server. */
export {};
//# sourceMappingURL=types.js.map