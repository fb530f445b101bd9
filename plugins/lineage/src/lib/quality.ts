import type {
  AssertionSource,
  QualityAssertion,
} from './graph-transformations';

export type AssertionGroup = {
  source: AssertionSource;
  title: string;
  assertions: QualityAssertion[];
};

/** The producers the portal runs itself, first and by name. */
const KNOWN = new Map([
  ['dbt', 'dbt tests'],
  ['great_expectations', 'Great Expectations'],
]);
const order = (source: string) =>
  KNOWN.has(source) ? [...KNOWN.keys()].indexOf(source) : KNOWN.size;

const rank = (a: QualityAssertion) => {
  if (!a.success) return 0;
  return a.status === 'warn' ? 1 : 2;
};

/**
 * A dataset's assertions by what ran them: dbt, then Great Expectations,
 * then other producers by their URI; each group failures first, then
 * warnings, then passes (sort is stable: the producer's order within each).
 * An assertion without a source is a dbt test: before GX, dbt was the only
 * producer. Empty groups are left out.
 */
export function groupAssertions(
  assertions: QualityAssertion[],
): AssertionGroup[] {
  const sources = [...new Set(assertions.map(a => a.source ?? 'dbt'))].sort(
    (x, y) => order(x) - order(y) || x.localeCompare(y),
  );
  return sources.map(source => ({
    source,
    title: KNOWN.get(source) ?? `Checks from ${source}`,
    assertions: assertions
      .filter(a => (a.source ?? 'dbt') === source)
      .sort((x, y) => rank(x) - rank(y)),
  }));
}
