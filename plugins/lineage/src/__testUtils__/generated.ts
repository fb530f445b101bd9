import type { Node } from '@internal/backstage-plugin-lineage-common';

/**
 * A generated graph of about 2 × `datasets` nodes: datasets in layers of
 * 50, each after the first layer written by a job reading two datasets of
 * the layer before.
 */
export function generatedLineage(datasets: number): Node[] {
  const nodes: Node[] = [];
  const dsId = (i: number) =>
    `dataset:trino://h:8080:iceberg.l${Math.floor(i / 50)}.t${i}`;
  for (let i = 0; i < datasets; i++) {
    const inputs = i < 50 ? [] : [i - 50, i - 50 + ((i * 7) % 50)];
    const jobId = `job:trino://h:8080:write t${i}`;
    const inEdges = inputs.map(j => ({ origin: dsId(j), destination: jobId }));
    nodes.push({
      id: dsId(i),
      type: 'DATASET',
      data: { name: `iceberg.l${Math.floor(i / 50)}.t${i}`, fields: [] },
      inEdges: inputs.length ? [{ origin: jobId, destination: dsId(i) }] : [],
      outEdges: [],
    });
    if (inputs.length) {
      nodes.push({
        id: jobId,
        type: 'JOB',
        data: { name: `write t${i}` },
        inEdges,
        outEdges: [{ origin: jobId, destination: dsId(i) }],
      });
    }
  }
  return nodes;
}
