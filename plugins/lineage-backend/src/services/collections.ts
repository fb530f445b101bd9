import type { Knex } from 'knex';

/** Appends `value` to the list at `key`. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Runs a whereIn query over ids in chunks (SQLite caps bound parameters). */
export async function inChunks<T, I = number>(
  ids: I[],
  query: (ids: I[]) => Knex.QueryBuilder | Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(...((await query(ids.slice(i, i + 500))) as T[]));
  }
  return out;
}
