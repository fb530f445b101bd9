import type { DiscoveryService } from '@backstage/backend-plugin-api';
import { type LakehouseTable, tableRef } from './tableEntity';

/** The most names POST /api/v1/upstream takes at once (its openapi.yaml). */
const MAX_NAMES = 10_000;

/** The answer of the lineage backend's POST /api/v1/upstream. */
type UpstreamAnswer = {
  items: { name: string; upstream: { namespace: string; name: string }[] }[];
};

/**
 * The lakehouse tables each table is built from, by the lineage store: the
 * inputs of the jobs that write it (depth 1). Keys and values are table
 * refs (`<catalog>/<namespace>/<table>`); a dataset that is not one of
 * `tables` (a Postgres source) is left out, and a table without recorded
 * lineage gets no entry. The lineage store names a table
 * `<catalog>.<namespace>.<table>`, in any namespace (Trino's, DuckDB's).
 * One request to the lineage backend per refresh (per 10 000 tables),
 * however many tables there are. Throws when the lineage store does not
 * answer.
 */
export async function readLineageUpstream(options: {
  tables: LakehouseTable[];
  discovery: DiscoveryService;
  token: string;
}): Promise<Map<string, string[]>> {
  const { tables, discovery, token } = options;
  const byName = new Map(
    tables.map(t => [`${t.catalog}.${t.namespace}.${t.name}`, tableRef(t)]),
  );
  const names = [...byName.keys()];
  const upstream = new Map<string, string[]>();
  if (!names.length) return upstream;
  const url = `${await discovery.getBaseUrl('lineage')}/api/v1/upstream`;
  for (let i = 0; i < names.length; i += MAX_NAMES) {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ names: names.slice(i, i + MAX_NAMES) }),
    });
    if (!res.ok) {
      throw new Error(`lineage /api/v1/upstream answered ${res.status}`);
    }
    const { items } = (await res.json()) as UpstreamAnswer;
    for (const item of items) {
      const ref = byName.get(item.name);
      const inputs = new Set<string>();
      for (const input of item.upstream) {
        const inputRef = byName.get(input.name);
        if (inputRef && inputRef !== ref) inputs.add(inputRef);
      }
      if (ref && inputs.size) upstream.set(ref, [...inputs].sort());
    }
  }
  return upstream;
}
