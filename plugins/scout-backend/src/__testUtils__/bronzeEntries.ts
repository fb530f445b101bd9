import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { mkdtempSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Bronze entries (scout-node's bronzeEntries.ts) for lakehouse.test.ts.

/**
 * A copy of transform/ with two bronze entries, as the "New data pipeline"
 * template writes them, and their tables in `db` as a migration would make
 * them, each with one row.
 */
export async function projectWithEntries(db: {
  query(sql: string): Promise<unknown>;
}) {
  const projectDir = mkdtempSync(join(tmpdir(), 'scout-transform-'));
  await cp(join(repositoryRoot(), 'transform'), projectDir, {
    recursive: true,
    filter: path => !/[/\\](target|logs|dbt_packages)$/.test(path),
  });
  await mkdir(join(projectDir, 'bronze'));
  await writeFile(
    join(projectDir, 'bronze/pos_returns.yml'),
    `table: pos_returns
from: pos_returns
mode: append
columns:
  - { name: return_id, type: varchar }
  - { name: amount, type: "decimal(12, 2)" }
  - { name: source_xid, type: bigint }
`,
  );
  await writeFile(
    join(projectDir, 'bronze/store_notes.yml'),
    'table: store_notes\nfrom: notes\nmode: replace\ncolumns: [{ name: note, type: varchar }]\n',
  );
  await db.query(`
    create table scout.pos_returns (
      return_id text primary key,
      amount numeric(12, 2) not null,
      source_xid bigint not null default (pg_current_xact_id()::text::bigint));
    insert into scout.pos_returns (return_id, amount) values ('r-1', 12.35);
    create table scout.notes (note text not null);
    insert into scout.notes values ('closed on Sundays')`);
  return projectDir;
}
