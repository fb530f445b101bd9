import { InputError } from '@backstage/errors';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBronzeEntry, readBronzeEntries } from './bronzeEntries';
import { bronzeLoadJobs } from './bronzeSource';

// The format as transform/README.md gives it.
const GOOD = `# what the pipeline copies from the scout schema into bronze.pos_returns
table: pos_returns
from: pos_returns
mode: append
columns:
  - { name: return_id, type: varchar }
  - { name: store_id, type: varchar }
  - { name: amount, type: "decimal(12, 2)" }
  - { name: occurred_at, type: timestamp(6) with time zone }
  - { name: source_xid, type: bigint }
`;

/** GOOD with one line replaced (or removed, with an empty replacement). */
const editing = (line: string, replacement: string) => {
  if (!GOOD.includes(line)) throw new Error(`no line ${line}`);
  return GOOD.replace(`${line}\n`, replacement ? `${replacement}\n` : '');
};

describe('parseBronzeEntry', () => {
  it('reads the documented format, with decimal spelled as bronze spells it', () => {
    expect(
      parseBronzeEntry(
        'pos_returns',
        editing(
          '  - { name: amount, type: "decimal(12, 2)" }',
          '  - name: amount\n    type: decimal(12,2)',
        ),
      ),
    ).toEqual({
      entry: {
        table: 'pos_returns',
        from: 'pos_returns',
        mode: 'append',
        columns: [
          ['return_id', 'varchar'],
          ['store_id', 'varchar'],
          ['amount', 'decimal(12, 2)'],
          ['occurred_at', 'timestamp(6) with time zone'],
          ['source_xid', 'bigint'],
        ],
      },
    });
  });

  it('takes the freshness column of an append entry', () => {
    const parsed = parseBronzeEntry(
      'pos_returns',
      `${GOOD}freshness: occurred_at\n`,
    );
    expect(parsed).toMatchObject({ entry: { freshness: 'occurred_at' } });
  });

  it('takes a replace entry without source_xid, and every bronze type', () => {
    const types = [
      'varchar',
      'integer',
      'bigint',
      'double',
      'boolean',
      'date',
      'decimal(38, 0)',
      'timestamp(6) with time zone',
    ];
    const columns = types.map(
      (type, i) => `  - name: c${i}\n    type: ${type}`,
    );
    const text = `table: store_notes\nfrom: notes\nmode: replace\ncolumns:\n${columns.join(
      '\n',
    )}\n`;
    expect(parseBronzeEntry('store_notes', text)).toEqual({
      entry: {
        table: 'store_notes',
        from: 'notes',
        mode: 'replace',
        columns: types.map((type, i) => [`c${i}`, type]),
      },
    });
  });

  // Each bad file is refused with the path in it and the reason.
  it.each([
    ['not YAML', 'table: [pos_returns', /^\(top level\): not valid YAML: /],
    ['not a mapping', '- pos_returns', /^\(top level\): /],
    ['no table', editing('table: pos_returns', ''), /^table: required$/],
    [
      'a table not in lower_snake',
      editing('table: pos_returns', 'table: PosReturns'),
      /^table: must be lower_snake/,
    ],
    [
      'a built-in table',
      editing('table: pos_returns', 'table: stores'),
      /^table: is a built-in bronze table \(transactions, line_items, stores, products\)/,
    ],
    [
      'a table that is not the file name',
      editing('table: pos_returns', 'table: returns'),
      /^table: returns is not the file's name; name it returns\.yml$/,
    ],
    [
      'a quote in from',
      editing('from: pos_returns', `from: "x; drop table y"`),
      /^from: must be lower_snake/,
    ],
    [
      'an unknown mode',
      editing('mode: append', 'mode: upsert'),
      /^mode: must be append or replace$/,
    ],
    [
      'an unknown field',
      `${GOOD}partitioning: [store_id]\n`,
      /^partitioning: is not a field of an entry$/,
    ],
    [
      'an unknown column field',
      editing(
        '  - { name: store_id, type: varchar }',
        '  - { name: store_id, type: varchar, nullable: false }',
      ),
      /^columns\[1\]\.nullable: is not a field of an entry$/,
    ],
    [
      'no columns',
      'table: pos_returns\nfrom: pos_returns\nmode: replace\ncolumns: []\n',
      /^columns: must name at least one column$/,
    ],
    [
      'a type bronze does not take',
      editing(
        '  - { name: store_id, type: varchar }',
        '  - { name: store_id, type: text }',
      ),
      /^columns\[1\]\.type: is not a bronze type: use varchar, integer, bigint, double, boolean, date, timestamp\(6\) with time zone or decimal\(p, s\)$/,
    ],
    [
      'a decimal wider than 38 digits',
      editing(
        '  - { name: amount, type: "decimal(12, 2)" }',
        '  - { name: amount, type: "decimal(39, 2)" }',
      ),
      /^columns\[2\]\.type: is not a bronze type/,
    ],
    [
      'a decimal that YAML cut at its comma',
      editing(
        '  - { name: amount, type: "decimal(12, 2)" }',
        '  - { name: amount, type: decimal(12, 2) }',
      ),
      /^columns\[2\]\.type: YAML cut decimal\(12, 2\) at its comma \(in \{ \} a comma ends a value\): quote it, type: "decimal\(12, 2\)"$/,
    ],
    [
      'an upper-case type',
      editing(
        '  - { name: store_id, type: varchar }',
        '  - { name: store_id, type: VARCHAR }',
      ),
      /^columns\[1\]\.type: is not a bronze type/,
    ],
    [
      'a column without a type',
      editing(
        '  - { name: store_id, type: varchar }',
        '  - { name: store_id }',
      ),
      /^columns\[1\]\.type: required$/,
    ],
    [
      'load_id among the columns',
      editing(
        '  - { name: store_id, type: varchar }',
        '  - { name: load_id, type: varchar }',
      ),
      /^columns\[1\]\.name: is added by the load itself; leave it out$/,
    ],
    [
      'a repeated column',
      editing(
        '  - { name: store_id, type: varchar }',
        '  - { name: return_id, type: varchar }',
      ),
      /^columns\[1\]\.name: repeats column return_id$/,
    ],
    [
      'an append entry without source_xid',
      editing('  - { name: source_xid, type: bigint }', ''),
      /^columns: an append entry needs a source_xid column \(bigint\)/,
    ],
    [
      'an append entry whose source_xid is not bigint',
      editing(
        '  - { name: source_xid, type: bigint }',
        '  - { name: source_xid, type: integer }',
      ),
      /^columns\[4\]\.type: must be bigint for source_xid$/,
    ],
    [
      'a freshness column the entry lacks',
      `${GOOD}freshness: returned_at\n`,
      /^freshness: names no column of the entry \(returned_at\)$/,
    ],
    [
      'a freshness column that is not a timestamptz',
      `${GOOD}freshness: store_id\n`,
      /^freshness: must name a timestamp\(6\) with time zone column; store_id is varchar$/,
    ],
    [
      'freshness on a replace entry',
      `${editing('mode: append', 'mode: replace')}freshness: occurred_at\n`,
      /^freshness: is for append entries only/,
    ],
  ])('refuses %s', (_what, text, problem) => {
    const parsed = parseBronzeEntry('pos_returns', text);
    expect(parsed).toEqual({ problems: [expect.stringMatching(problem)] });
  });
});

describe('readBronzeEntries', () => {
  let project: string;
  beforeEach(async () => {
    project = await mkdtemp(join(tmpdir(), 'scout-bronze-entries-'));
  });
  afterEach(() => rm(project, { recursive: true, force: true }));

  const write = async (name: string, text: string) => {
    await mkdir(join(project, 'bronze'), { recursive: true });
    await writeFile(join(project, 'bronze', name), text);
  };

  it('has none without a bronze folder, and reads only .yml files, by name', async () => {
    expect(await readBronzeEntries(project)).toEqual([]);
    await write('pos_returns.yml', GOOD);
    await write(
      'a_notes.yml',
      'table: a_notes\nfrom: notes\nmode: replace\ncolumns: [{ name: note, type: varchar }]\n',
    );
    await write('README.md', 'not an entry');
    const entries = await readBronzeEntries(project);
    expect(entries.map(e => e.table)).toEqual(['a_notes', 'pos_returns']);
    // Lineage sees them after the built-in four, read from postgresql.scout.
    expect(bronzeLoadJobs(entries).slice(4)).toEqual([
      {
        table: 'a_notes',
        sql: 'select "note" from postgresql.scout."notes"',
        columns: [
          ['note', 'varchar'],
          ['load_id', 'varchar'],
          ['loaded_at', 'timestamp(6) with time zone'],
        ],
      },
      expect.objectContaining({ table: 'pos_returns' }),
    ]);
  });

  it('names every bad file, the path in it and the reason, one per line', async () => {
    await write('pos_returns.yml', GOOD);
    await write('a.yml', 'table: a\nfrom: a\nmode: merge\ncolumns: []\n');
    await write('b.yml', GOOD);
    const error = await readBronzeEntries(project).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    const dir = join(project, 'bronze');
    expect(error.message.split('\n')).toEqual([
      `${dir}/a.yml: mode: must be append or replace`,
      `${dir}/a.yml: columns: must name at least one column`,
      `${dir}/b.yml: table: pos_returns is not the file's name; name it pos_returns.yml`,
    ]);
  });
});
