export {};
//# sourceMappingURL=reporter.js.map