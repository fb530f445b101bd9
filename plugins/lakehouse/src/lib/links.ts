/**
 * The navigator's address for a catalog and, optionally, one of its layers:
 * `<root>?catalog=<catalog>&layer=<layer>`.
 */
export function layerHref(root: string, catalog: string, layer?: string) {
  const query = new URLSearchParams({ catalog, ...(layer && { layer }) });
  return `${root}?${query}`;
}
