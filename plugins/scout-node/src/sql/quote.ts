// One home for quoting values and names into SQL text, for the statements
// that cannot take parameters (DDL, Trino's CREATE CATALOG, DuckDB's file
// functions). PostgreSQL, Trino and DuckDB all follow the standard here:
// a quote inside is doubled, and a backslash is an ordinary character.

function refuseNul(text: string, what: string): string {
  if (text.includes('\0')) {
    // None of the three engines can hold NUL in text; refuse it rather than
    // let a driver cut the statement short.
    throw new Error(`A SQL ${what} cannot contain a NUL character`);
  }
  return text;
}

/** A SQL string literal: `it's` becomes `'it''s'`. */
export function quoteLiteral(text: string): string {
  return `'${refuseNul(text, 'string literal').replaceAll("'", "''")}'`;
}

/** A quoted SQL identifier, one part: `a"b` becomes `"a""b"`. */
export function quoteIdentifier(name: string): string {
  return `"${refuseNul(name, 'identifier').replaceAll('"', '""')}"`;
}

/** A dotted name such as `scout.bronze_transactions`, each part quoted. */
export function quoteQualifiedName(name: string): string {
  return name.split('.').map(quoteIdentifier).join('.');
}
