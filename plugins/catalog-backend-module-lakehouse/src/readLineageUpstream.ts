import type { DiscoveryService } from '@backstage/backend-plugin-api';
import { type LakehouseTable, tableRef } from './tableEntity';

type GraphNode = {
  id: string;
  type: 'DATASET' | 'JOB';
  data: { name?: string };
  inEdges: { origin: string; destination: string }[];
};

/**
 * The lakehouse tables each table is built from, by the lineage store: the
 * inputs of the jobs that write it (depth 1). Keys and values are table
 * refs (`<catalog>/<namespace>/<table>`); a dataset that is not one of
 * `tables` (a Postgres source) is left out, and a table without recorded
 * lineage gets no entry. The lineage store names a table
 * `<catalog>.<namespace>.<table>`, in any namespace (Trino's, DuckDB's).
 * Throws when the lineage store does not answer.
 */
export async function readLineageUpstream(options: {
  tables: LakehouseTable[];
  discovery: DiscoveryService;
  token: string;
}): Promise<Map<string, string[]>> {
  const { tables, discovery, token } = options;
  const base = await discovery.getBaseUrl('lineage');
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) {
      throw new Error(`lineage ${path} answered ${res.status}`);
    }
    return (await res.json()) as T;
  };
  const byName = new Map(
    tables.map(t => [`${t.catalog}.${t.namespace}.${t.name}`, tableRef(t)]),
  );
  const upstream = new Map<string, string[]>();
  for (const [name, ref] of byName) {
    const { results } = await get<{
      results: { type: string; name: string; nodeId: string }[];
    }>(`/api/v1/search?filter=DATASET&limit=100&q=${encodeURIComponent(name)}`);
    const inputs = new Set<string>();
    for (const hit of results.filter(r => r.name === name)) {
      const { graph } = await get<{ graph: GraphNode[] }>(
        `/api/v1/lineage?depth=1&nodeId=${encodeURIComponent(hit.nodeId)}`,
      );
      const nodes = new Map(graph.map(n => [n.id, n]));
      const writers = (nodes.get(hit.nodeId)?.inEdges ?? []).map(e => e.origin);
      for (const job of writers) {
        for (const edge of nodes.get(job)?.inEdges ?? []) {
          const input = nodes.get(edge.origin)?.data.name;
          const inputRef = input && byName.get(input);
          if (inputRef && inputRef !== ref) inputs.add(inputRef);
        }
      }
    }
    if (inputs.size) upstream.set(ref, [...inputs].sort());
  }
  return upstream;
}
