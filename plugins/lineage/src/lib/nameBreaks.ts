/**
 * A dataset, job or namespace name cut after each run of separators
 * (`trino://` | `127.` | … , `catalog.` | `schema.` | `table`): where a long
 * name may wrap and still read as its parts.
 */
export function nameBreaks(name: string): string[] {
  return name.split(/(?<=[.:/])(?![.:/])/);
}
