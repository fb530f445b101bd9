const MEDALLION = ['bronze', 'silver', 'gold', 'platinum'];

/** Layers in medallion order (raw to features), then any others by name. */
export function sortLayers<T extends { name: string }>(layers: T[]): T[] {
  const rank = (name: string) => {
    const i = MEDALLION.indexOf(name);
    return i === -1 ? MEDALLION.length : i;
  };
  return [...layers].sort(
    (a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name),
  );
}
