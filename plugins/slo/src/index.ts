/**
 * SLO status and error budgets in the portal: the SLO page (/slo, worst
 * budget first, filters by owner and system, a 30-day budget chart per
 * SLO), the "SLOs" tab and card on every entity annotated `scout.io/slos`,
 * and the SLO home card (least budget left, alerts firing now).
 *
 * @packageDocumentation
 */
export { sloPlugin as default } from './plugin';
export { sloApiRef } from './api';
export type { SloApi, SloQuery } from './api';
export { SloHomeCard } from './components/home/SloHomeCard';
export { sloHomeWidget } from './homeWidgets';
