import { project } from './lineageProject';

/** How many separate graphs the models and their inputs make. */
function components(models: ReturnType<typeof project>): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const m of models) {
    for (const input of m.inputs) parent.set(find(input), find(m.name));
  }
  const names = models.flatMap(m => [m.name, ...m.inputs]);
  return new Set(names.map(find)).size;
}

describe('the generated lineage project', () => {
  it('has 500 models, each later one reading two of the layer before', () => {
    const models = project();
    expect(models).toHaveLength(500);
    expect(models.filter(m => m.inputs.length === 2)).toHaveLength(400);
  });

  it('is one graph when connected, so a page can expand it to 500 nodes', () => {
    expect(components(project({ connected: true }))).toBe(1);
    // The stride the query bench uses splits it into small graphs.
    expect(components(project())).toBeGreaterThan(1);
  });
});
