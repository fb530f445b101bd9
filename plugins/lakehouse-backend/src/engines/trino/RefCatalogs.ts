import {
  quoteIdentifier as quoteIdent,
  quoteLiteral as literal,
  type TrinoSql,
} from '@internal/backstage-plugin-scout-node';
import { createHash } from 'node:crypto';

/**
 * Trino catalogs on other Nessie references, for previews at a branch or
 * tag: a Trino Iceberg catalog reads one reference, so each reference gets
 * its own, created on first use (`CREATE CATALOG IF NOT EXISTS`) and
 * dropped when the backend stops. Names are derived from the reference, so
 * a restarted backend reuses what it left.
 */
export class RefCatalogs {
  readonly #created = new Map<string, Promise<string>>();

  constructor(
    private readonly trino: TrinoSql,
    /** The configured catalog; ref catalogs are named after it. */
    private readonly base: string,
    /** The Iceberg catalog properties for a reference. */
    private readonly properties: (ref: string) => Record<string, string>,
  ) {}

  /** The catalog on `ref` (a checked reference name that exists in Nessie). */
  catalogFor(ref: string): Promise<string> {
    let created = this.#created.get(ref);
    if (!created) {
      const hash = createHash('sha256').update(ref).digest('hex').slice(0, 12);
      const name = `${this.base}_ref_${hash}`;
      const withList = Object.entries(this.properties(ref))
        .map(([key, value]) => `${quoteIdent(key)} = ${literal(value)}`)
        .join(', ');
      created = this.trino(
        `create catalog if not exists ${quoteIdent(
          name,
        )} using iceberg with (${withList})`,
      ).then(() => name);
      this.#created.set(ref, created);
      created.catch(() => this.#created.delete(ref));
    }
    return created;
  }

  async dropAll(): Promise<void> {
    const names = await Promise.allSettled(this.#created.values());
    this.#created.clear();
    for (const name of names) {
      if (name.status === 'fulfilled') {
        await this.trino(`drop catalog if exists ${quoteIdent(name.value)}`);
      }
    }
  }
}
