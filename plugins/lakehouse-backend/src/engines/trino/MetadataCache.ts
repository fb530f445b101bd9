/** What is known about one table at one Iceberg metadata file. */
type Entry = { location: string; values: Map<string, Promise<unknown>> };

/**
 * Table metadata, kept until the table's Iceberg metadata file changes
 * (Nessie names the current one): every commit, schema change or property
 * change writes a new file, so a hit is never stale. Loads are shared by
 * concurrent requests; a failed load is forgotten.
 */
export class MetadataCache {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly maxTables = 2000) {}

  /** The value `name` of `table` at `location`, loaded once. */
  get<T>(
    table: string,
    location: string,
    name: string,
    load: () => Promise<T>,
  ): Promise<T> {
    const entry = this.#entry(table, location);
    let value = entry.values.get(name) as Promise<T> | undefined;
    if (!value) {
      value = load();
      entry.values.set(name, value);
      value.catch(() => {
        if (entry.values.get(name) === value) entry.values.delete(name);
      });
    }
    return value;
  }

  /** Whether `name` is known (or loading) for `table` at `location`. */
  has(table: string, location: string, name: string): boolean {
    const entry = this.#entries.get(table);
    return entry?.location === location && entry.values.has(name);
  }

  #entry(table: string, location: string): Entry {
    let entry = this.#entries.get(table);
    if (!entry || entry.location !== location) {
      entry = { location, values: new Map() };
      this.#entries.delete(table);
      this.#entries.set(table, entry);
      // The oldest tables go first; Map keeps insertion order.
      while (this.#entries.size > this.maxTables) {
        this.#entries.delete(this.#entries.keys().next().value!);
      }
    }
    return entry;
  }
}
