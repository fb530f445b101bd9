import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { SloService } from './services/SloService';

/**
 * Read-only actions for assistants (Genie, MCP clients): the SLO list and
 * one SLO's status, the same answers as GET /slos and GET /slos/{id}.
 */
export function registerSloActions(
  actionsRegistry: ActionsRegistryService,
  slos: SloService,
) {
  actionsRegistry.register({
    name: 'list-slos',
    title: 'List SLOs',
    description:
      'Lists the Scout platform SLOs with their current SLI, objective, remaining 30-day error budget (1 = untouched, 0 = spent, negative = overspent), burn rates, alerts and status, worst budget first. Filter by owning group or catalog entity ref.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .optional()
            .describe('Only SLOs of this owning group, e.g. group:default/sre'),
          entity: z
            .string()
            .optional()
            .describe(
              'Only SLOs covering this entity, e.g. component:default/ingest-doc',
            ),
        }),
      output: z =>
        z.object({
          source: z
            .enum(['prometheus', 'embedded'])
            .describe('Where the numbers came from'),
          evaluatedAt: z.string(),
          items: z.array(
            z.object({
              id: z.string(),
              displayName: z.string(),
              owner: z.string(),
              entity: z.string(),
              objective: z.number(),
              sli: z.number().nullable(),
              errorBudgetRemaining: z.number().nullable(),
              status: z.enum(['ok', 'burning', 'exhausted', 'no-data']),
              firingAlerts: z.array(z.enum(['page', 'ticket'])),
            }),
          ),
        }),
    },
    action: async ({ input }) => {
      const list = await slos.list(input);
      return {
        output: {
          source: list.source,
          evaluatedAt: list.evaluatedAt,
          items: list.items.map(s => ({
            id: s.id,
            displayName: s.displayName,
            owner: s.owner,
            entity: s.entity,
            objective: s.objective,
            sli: s.sli,
            errorBudgetRemaining: s.errorBudgetRemaining,
            status: s.status,
            firingAlerts: s.alerts
              .filter(a => a.state === 'firing')
              .map(a => a.severity),
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-slo-status',
    title: 'Get SLO status',
    description:
      'The full status of one SLO by id (<service>-<name>, e.g. ingest-transaction-availability): SLI over 30 days, objective, remaining error budget, burn rate per window (5m to 3d; error ratio divided by the budget), firing and pending alerts, and for freshness/pipeline SLOs the current age in seconds.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          id: z
            .string()
            .regex(/^[a-z0-9][-a-z0-9]*$/)
            .describe('The SLO id, e.g. scout-pg-gold-freshness'),
        }),
      output: z =>
        z.object({
          source: z.enum(['prometheus', 'embedded']),
          evaluatedAt: z.string(),
          item: z
            .record(z.unknown())
            .describe(
              'The SloStatus of the API: id, owner, entity, objective, sli, errorBudgetRemaining, burnRates, alerts, status, currentValueSeconds, thresholdSeconds',
            ),
        }),
    },
    action: async ({ input }) => {
      const detail = await slos.get(input.id);
      return {
        output: {
          source: detail.source,
          evaluatedAt: detail.evaluatedAt,
          item: { ...detail.item },
        },
      };
    },
  });
}
