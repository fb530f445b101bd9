import { SqlQueryable } from './types';

/** Whether pgvector can be created on this database. */
export async function vectorAvailable(db: SqlQueryable): Promise<boolean> {
  const { rows } = await db.query<{ available: boolean }>(
    `select exists (select from pg_available_extensions where name = 'vector') as available`,
  );
  return rows[0].available;
}
