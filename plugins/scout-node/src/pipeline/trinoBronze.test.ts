import type { BronzeEntry } from './bronzeEntries';
import { loadTrinoEntry } from './trinoBronze';

// The SQL a run sends Trino for a bronze entry. The real load against Trino
// is in scout-backend's lakehouse.test.ts (it needs the stack); this pins
// the statements, their order and the watermark each append starts from.

const RETURNS: BronzeEntry = {
  table: 'pos_returns',
  from: 'pos_returns',
  mode: 'append',
  columns: [
    ['return_id', 'varchar'],
    ['date', 'date'],
    ['amount', 'decimal(12, 2)'],
    ['source_xid', 'bigint'],
  ],
};

/** A Trino that records each statement and answers `rows` for a SELECT. */
function recordingTrino(answers: { max: number; written: number }) {
  const sent: string[] = [];
  const trino = async (sql: string) => {
    sent.push(sql.replace(/\s+/g, ' ').trim());
    if (sql.startsWith('select coalesce')) return [[answers.max]];
    return [[answers.written]];
  };
  return { sent, trino };
}

const options = {
  catalog: 'run_20261127_112233_ab12',
  scout: 'postgresql.scout',
  range: { from: 10, to: 900 },
  loadId: '20261127-112233-ab12',
};

describe('loadTrinoEntry', () => {
  it('creates an appended table once, then inserts from its own watermark to the range end', async () => {
    const { sent, trino } = recordingTrino({ max: 417, written: 3 });
    const written = await loadTrinoEntry(trino, { ...options, entry: RETURNS });
    expect(written).toBe(3);
    const table = 'run_20261127_112233_ab12.bronze."pos_returns"';
    expect(sent).toEqual([
      `create table if not exists ${table} ("return_id" varchar, "date" date, "amount" decimal(12, 2), "source_xid" bigint, "load_id" varchar, "loaded_at" timestamp(6) with time zone)`,
      `select coalesce(max(source_xid) + 1, 0) from ${table}`,
      `insert into ${table} select cast(x."return_id" as varchar) as "return_id", cast(x."date" as date) as "date", cast(x."amount" as decimal(12, 2)) as "amount", cast(x."source_xid" as bigint) as "source_xid", '20261127-112233-ab12' as load_id, current_timestamp(6) as loaded_at from (select "return_id", "date", "amount", "source_xid" from postgresql.scout."pos_returns" where "source_xid" >= 417 and "source_xid" < 900) x`,
    ]);
  });

  it('replaces a replaced table whole, with no range', async () => {
    const { sent, trino } = recordingTrino({ max: 0, written: 2 });
    const written = await loadTrinoEntry(trino, {
      ...options,
      entry: {
        table: 'store_notes',
        from: 'notes',
        mode: 'replace',
        columns: [['note', 'varchar']],
      },
    });
    expect(written).toBe(2);
    expect(sent).toEqual([
      `create or replace table run_20261127_112233_ab12.bronze."store_notes" as select cast(x."note" as varchar) as "note", '20261127-112233-ab12' as load_id, current_timestamp(6) as loaded_at from (select "note" from postgresql.scout."notes") x`,
    ]);
  });
});
