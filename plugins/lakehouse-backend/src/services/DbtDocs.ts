import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';

const documented = z.object({
  resource_type: z.string(),
  schema: z.string(),
  name: z.string(),
  alias: z.string().nullish(),
  description: z.string().nullish(),
  columns: z
    .record(z.string(), z.object({ description: z.string().nullish() }))
    .optional(),
});
const manifestSchema = z.object({
  nodes: z.record(z.string(), z.unknown()),
  sources: z.record(z.string(), z.unknown()).optional(),
});

export type TableDocs = {
  description: string | null;
  columns: Map<string, string>;
};

/**
 * Table and column descriptions from the dbt manifest of the last published
 * pipeline run: the models' and sources' schema.yml docs, keyed by layer
 * and table. Iceberg and Parquet carry no comments of their own here, so
 * this is where the browser's descriptions come from. Re-read when the
 * file changes; no manifest, no docs.
 */
export class DbtDocs {
  #loaded?: { modified: number; tables: Map<string, TableDocs> };

  constructor(private readonly manifestPath: string) {}

  async table(
    namespace: string,
    table: string,
  ): Promise<TableDocs | undefined> {
    const modified = await stat(this.manifestPath).then(
      s => s.mtimeMs,
      () => undefined,
    );
    if (modified === undefined) return undefined;
    if (this.#loaded?.modified !== modified) {
      this.#loaded = { modified, tables: await this.#read() };
    }
    return this.#loaded.tables.get(`${namespace}.${table}`);
  }

  async #read(): Promise<Map<string, TableDocs>> {
    const manifest = manifestSchema.parse(
      JSON.parse(await readFile(this.manifestPath, 'utf8')),
    );
    const tables = new Map<string, TableDocs>();
    const all = [
      ...Object.values(manifest.nodes),
      ...Object.values(manifest.sources ?? {}),
    ];
    for (const raw of all) {
      const node = documented.safeParse(raw);
      if (!node.success) continue;
      const { resource_type: type, schema, name, alias } = node.data;
      if (type !== 'model' && type !== 'source' && type !== 'seed') continue;
      tables.set(`${schema}.${alias || name}`, {
        description: node.data.description || null,
        columns: new Map(
          Object.entries(node.data.columns ?? {}).flatMap(([column, doc]) =>
            doc.description ? [[column, doc.description]] : [],
          ),
        ),
      });
    }
    return tables;
  }
}
