import { parse } from 'libpg-query';

/** What the template asks for: the records, the gold grain and measures. */
export type PipelineShape = {
  fields: { name: string; type: string }[];
  dayField: string;
  grain: string[];
  measures: { field: string; aggregate: string }[];
};

// Trino's reserved words (trino.io/docs/current/language/reserved.html)
// that PostgreSQL takes as column names; PostgreSQL's own are found by its
// parser. A field name must be a plain identifier in both, and in DuckDB,
// whose parser is PostgreSQL's.
const TRINO_RESERVED = new Set(
  `alter and as between by case cast constraint create cross cube current_catalog
  current_date current_path current_role current_schema current_time current_timestamp
  current_user deallocate delete describe distinct drop else end escape except execute
  exists extract false for from full group grouping having in inner insert intersect
  into is join json_array json_exists json_object json_query json_table json_value left
  like listagg localtime localtimestamp natural normalize not null on or order outer
  prepare recursive right rollup select skip table then trim true uescape union unnest
  using values when where with`.split(/\s+/),
);

// Columns the generated tables and models add beside the fields.
const ADDED = [
  'ingest_seq',
  'request_id',
  'received_at',
  'source_xid',
  'load_id',
  'loaded_at',
  'load_rank',
  'day',
  'records',
];

// The template's field types that sum and avg take, and those a day comes from.
const NUMERIC = new Set(['integer', 'bigint', 'amount', 'double']);
const DAY = new Set(['timestamp', 'date']);

/** Why `name` cannot be a column name, or undefined when it can. */
async function nameProblem(name: string): Promise<string | undefined> {
  if (ADDED.includes(name)) {
    return `field ${name}: the pipeline adds a column of that name; choose another`;
  }
  try {
    await parse(`create table t (${name} int)`);
  } catch (error) {
    return `field ${name}: PostgreSQL does not take it as a column name (${
      (error as Error).message
    }); choose another`;
  }
  return TRINO_RESERVED.has(name)
    ? `field ${name}: a reserved word in Trino; choose another name`
    : undefined;
}

/**
 * What is wrong with a pipeline's shape, one line per problem: field names
 * that are reserved words, taken or repeated; a day field that is not a
 * timestamp or date field; grain or measures that name no field; sum or
 * avg of a field that is not a number; two measures with one column name.
 */
export async function pipelineProblems(
  shape: PipelineShape,
): Promise<string[]> {
  const problems: string[] = [];
  const types = new Map<string, string>();
  for (const f of shape.fields) {
    if (types.has(f.name)) problems.push(`field ${f.name} is listed twice`);
    types.set(f.name, f.type);
    const problem = await nameProblem(f.name);
    if (problem) problems.push(problem);
  }
  const known = [...types.keys()].join(', ');
  const dayType = types.get(shape.dayField);
  if (!dayType || !DAY.has(dayType)) {
    problems.push(
      `day field ${shape.dayField}: must be one of the timestamp or date fields`,
    );
  }
  for (const g of shape.grain) {
    if (!types.has(g)) {
      problems.push(`grain ${g} is not among the fields (${known})`);
    }
  }
  const columns = new Set(['day', 'records', ...shape.grain]);
  for (const m of shape.measures) {
    const type = types.get(m.field);
    const column = `${m.aggregate}_${m.field}`;
    if (!type) {
      problems.push(
        `measure ${column}: ${m.field} is not among the fields (${known})`,
      );
    } else if (['sum', 'avg'].includes(m.aggregate) && !NUMERIC.has(type)) {
      problems.push(
        `measure ${column}: ${m.aggregate} takes a number, and ${m.field} is ${type}`,
      );
    } else if (['min', 'max'].includes(m.aggregate) && type === 'boolean') {
      problems.push(
        `measure ${column}: ${m.aggregate} does not take a boolean`,
      );
    }
    if (columns.has(column)) {
      problems.push(
        `measure ${column}: the gold model has that column already`,
      );
    }
    columns.add(column);
  }
  return problems;
}
