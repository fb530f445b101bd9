import type { RowLevelSecurity } from '../config';

/** A dataset of a dashboard, as Superset knows it. */
export type DashboardDataset = { id: number; name: string };

/** One entry of a guest token's `rls`: a clause on one dataset. */
export type GuestRls = { dataset: number; clause: string };

/**
 * The row-level security of one caller's guest token: for each dataset of
 * the dashboard, the rows of every rule that matches the caller's
 * ownership refs and covers the dataset, joined with OR (Superset ANDs the
 * entries of a token, so one entry per dataset keeps a member of two teams
 * from seeing the rows of neither). A matching rule without a clause lifts
 * the restriction on the datasets it covers; a dataset no matching rule
 * covers gets `otherwise` (by default no rows). Refs compare without case.
 */
export function guestRowLevelSecurity(
  rls: RowLevelSecurity,
  ownershipRefs: readonly string[],
  datasets: readonly DashboardDataset[],
): GuestRls[] {
  const owned = new Set(ownershipRefs.map(r => r.toLowerCase()));
  const matched = rls.rules.filter(r => r.groups.some(g => owned.has(g)));
  return datasets.flatMap(({ id, name }) => {
    const covering = matched.filter(
      r => !r.datasets || r.datasets.includes(name),
    );
    if (covering.some(r => r.clause === undefined)) return [];
    const clause = covering.length
      ? covering.map(r => `(${r.clause})`).join(' OR ')
      : rls.otherwise;
    return [{ dataset: id, clause }];
  });
}
