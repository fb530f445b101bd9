/** Seconds since `start`, a performance.now() reading: how steps time themselves. */
export const since = (start: number) => (performance.now() - start) / 1000;
