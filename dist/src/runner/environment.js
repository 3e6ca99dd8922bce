/** Spaces requests to at most `perSecond`; 0 = unlimited. */
export function createPacer(perSecond) {
    if (!perSecond || perSecond <= 0)
        return async () => undefined;
    const interval = 1000 / perSecond;
    let next = 0;
    return async () => {
        const now = Date.now();
        const at = Math.max(now, next);
        next = at + interval;
        if (at > now)
            await new Promise((resolve) => setTimeout(resolve, at - now));
    };
}
//# sourceMappingURL=environment.js.map