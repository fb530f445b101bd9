// Bronze load entries declared in the dbt project: one file
// `<projectDir>/bronze/<table>.yml` per table that the pipeline copies from
// the scout schema into bronze, beside the built-in four (bronzeSource.ts).
// A template's new source therefore needs no pipeline code. transform/README.md
// documents the format; this file is its only definition.
import { InputError } from '@backstage/errors';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { APPENDED, type Columns, REPLACED } from './bronzeSource';

/** One `bronze/<table>.yml`, validated. */
export type BronzeEntry = {
  /** The bronze table (and the dbt source table under source `bronze`). */
  table: string;
  /** The table in the PostgreSQL scout schema that it copies. */
  from: string;
  /**
   * append: the rows whose source_xid is in the load's range; replace: a
   * full copy each load.
   */
  mode: 'append' | 'replace';
  /** Name and Trino type in bronze order, without load_id and loaded_at. */
  columns: Columns;
  /**
   * append only: the timestamptz column that dates a row (its ingest time,
   * like received_at). The source freshness gauge reads the newest row
   * that the lakehouse holds by it (sourceFreshness.ts in scout-backend).
   */
  freshness?: string;
};

// The folder under the dbt project that holds the entries.
const BRONZE_ENTRIES_DIR = 'bronze';

const BUILT_IN = Object.keys({ ...APPENDED, ...REPLACED });

// Trino types as the built-in tables spell them, plus bigint, double and
// boolean; each also names a DuckDB type (timestamp aside, see duckType).
const PLAIN_TYPES = [
  'varchar',
  'integer',
  'bigint',
  'double',
  'boolean',
  'date',
  'timestamp(6) with time zone',
];

/** `type` as bronze spells it, or undefined when bronze takes no such type. */
function bronzeType(type: string): string | undefined {
  if (PLAIN_TYPES.includes(type)) return type;
  const decimal = /^decimal\((\d+), ?(\d+)\)$/.exec(type);
  if (!decimal) return undefined;
  const [precision, scale] = [Number(decimal[1]), Number(decimal[2])];
  // 38 digits is the most both Trino and DuckDB hold.
  const fits = precision >= 1 && precision <= 38 && scale <= precision;
  return fits ? `decimal(${precision}, ${scale})` : undefined;
}

// What each field must hold; a missing one says so rather than "undefined".
const required = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? 'required' : `must be ${what}`,
});

// Lower_snake names only: they go into SQL (quoted) and into file paths.
const lowerSnake = z
  .string(required('a string'))
  .regex(
    /^[a-z][a-z0-9_]*$/,
    'must be lower_snake: a-z, 0-9 and _, starting with a letter',
  )
  .max(63, 'must be at most 63 characters (PostgreSQL cuts longer names)');

const column = z.strictObject({
  name: lowerSnake.refine(name => name !== 'load_id' && name !== 'loaded_at', {
    error: 'is added by the load itself; leave it out',
  }),
  type: z
    .string(required('a string'))
    .refine(type => bronzeType(type) !== undefined, {
      error: `is not a bronze type: use ${PLAIN_TYPES.join(
        ', ',
      )} or decimal(p, s)`,
    })
    .transform(type => bronzeType(type)!),
});

const entrySchema = z
  .strictObject({
    table: lowerSnake.refine(table => !BUILT_IN.includes(table), {
      error: `is a built-in bronze table (${BUILT_IN.join(
        ', ',
      )}): the pipeline loads it already`,
    }),
    from: lowerSnake,
    mode: z.enum(['append', 'replace'], {
      error: issue =>
        issue.input === undefined ? 'required' : 'must be append or replace',
    }),
    columns: z
      .array(column, required('a list of { name, type }'))
      .min(1, 'must name at least one column'),
    freshness: lowerSnake.optional(),
  })
  .superRefine((entry, ctx) => {
    const seen = new Set<string>();
    entry.columns.forEach(({ name }, i) => {
      if (seen.has(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'name'],
          message: `repeats column ${name}`,
        });
      }
      seen.add(name);
    });
    freshnessIssue(entry, ctx);
    if (entry.mode !== 'append') return;
    // The load's range is over source_xid (see LakehouseTarget.loadBronze).
    const xid = entry.columns.findIndex(c => c.name === 'source_xid');
    if (xid < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message:
          'an append entry needs a source_xid column (bigint): the load takes the rows whose source_xid is in its range',
      });
    } else if (entry.columns[xid].type !== 'bigint') {
      ctx.addIssue({
        code: 'custom',
        path: ['columns', xid, 'type'],
        message: 'must be bigint for source_xid',
      });
    }
  });

const TIMESTAMPTZ = 'timestamp(6) with time zone';

/** `freshness` names a timestamptz column of an append entry, or nothing. */
function freshnessIssue(
  entry: {
    mode: string;
    columns: { name: string; type: string }[];
    freshness?: string;
  },
  ctx: z.RefinementCtx,
) {
  const { freshness } = entry;
  if (freshness === undefined) return;
  const issue = (message: string) =>
    ctx.addIssue({ code: 'custom', path: ['freshness'], message });
  if (entry.mode !== 'append') {
    issue(
      'is for append entries only: a replace entry is as fresh as the run that copied it',
    );
    return;
  }
  const dating = entry.columns.find(c => c.name === freshness);
  if (!dating) issue(`names no column of the entry (${freshness})`);
  else if (dating.type !== TIMESTAMPTZ) {
    issue(`must name a ${TIMESTAMPTZ} column; ${freshness} is ${dating.type}`);
  }
}

/** `columns[2].type`, or `(top level)` for the document itself. */
function pathText(path: readonly PropertyKey[]): string {
  const text = path
    .map(part => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
  return text || '(top level)';
}

/**
 * Columns whose `decimal(p, s)` YAML cut at the comma: in a `{ }` item a
 * comma ends the value, so `type: decimal(12, 2)` reads as type
 * `decimal(12` and a key `2)`. Said plainly, as zod would only see the halves.
 */
function cutDecimals(document: unknown): string[] {
  const columns = (document as { columns?: unknown } | null)?.columns;
  if (!Array.isArray(columns)) return [];
  return columns.flatMap((item, i) => {
    const { type, ...rest } = (item ?? {}) as Record<string, unknown>;
    const scale = Object.keys(rest).find(key => /^\d+\)$/.test(key));
    if (typeof type !== 'string' || !/^decimal\(\d+$/.test(type) || !scale) {
      return [];
    }
    const whole = `${type}, ${scale}`;
    return [
      `columns[${i}].type: YAML cut ${whole} at its comma (in { } a comma ends a value): quote it, type: "${whole}"`,
    ];
  });
}

/**
 * Validates one entry file's text; `name` is its file name without `.yml`,
 * which must be the table. Answers the entry, or each problem as
 * `<path>: <reason>`.
 */
export function parseBronzeEntry(
  name: string,
  text: string,
): { entry: BronzeEntry } | { problems: string[] } {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    const [first] = String((error as Error).message).split('\n');
    return { problems: [`(top level): not valid YAML: ${first}`] };
  }
  const cut = cutDecimals(document);
  if (cut.length) return { problems: cut };
  const result = entrySchema.safeParse(document);
  if (!result.success) {
    return {
      problems: result.error.issues.flatMap(issue =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map(
              key =>
                `${pathText([...issue.path, key])}: is not a field of an entry`,
            )
          : [`${pathText(issue.path)}: ${issue.message}`],
      ),
    };
  }
  const { table, from, mode, columns, freshness } = result.data;
  if (table !== name) {
    return {
      problems: [
        `table: ${table} is not the file's name; name it ${table}.yml`,
      ],
    };
  }
  return {
    entry: {
      table,
      from,
      mode,
      columns: columns.map(c => [c.name, c.type] as const),
      ...(freshness === undefined ? {} : { freshness }),
    },
  };
}

/**
 * The entries in `<projectDir>/bronze/*.yml`, by file name; none when the
 * folder does not exist. Throws InputError naming every bad file, the path
 * in it and the reason, one per line, so a run fails before it loads.
 */
export async function readBronzeEntries(
  projectDir: string,
): Promise<BronzeEntry[]> {
  const dir = join(projectDir, BRONZE_ENTRIES_DIR);
  let files: string[];
  try {
    files = (await readdir(dir)).filter(f => f.endsWith('.yml')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: BronzeEntry[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const parsed = parseBronzeEntry(
      file.slice(0, -'.yml'.length),
      await readFile(path, 'utf8'),
    );
    if ('entry' in parsed) entries.push(parsed.entry);
    else problems.push(...parsed.problems.map(p => `${path}: ${p}`));
  }
  if (problems.length) throw new InputError(problems.join('\n'));
  return entries;
}
