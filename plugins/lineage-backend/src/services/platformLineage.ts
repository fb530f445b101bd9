import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  PLATFORM_API_NAMESPACE,
  type PlatformJob,
} from '@internal/backstage-plugin-scout-common';
import { PROMOTION_LINEAGE } from '@internal/backstage-plugin-scout-node';
import {
  EMBED_BATCH_LINEAGE,
  INGEST_DOC_LINEAGE,
  INGEST_TRANSACTION_LINEAGE,
} from '@internal/scout-edge-functions';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { LineageStore } from './LineageStore';
import type { RunEvent } from './runEvent';
import { runPython, script } from './staticPass';

/** The platform's jobs outside dbt, declared beside their code. */
export const DECLARED_JOBS: PlatformJob[] = [
  INGEST_TRANSACTION_LINEAGE,
  INGEST_DOC_LINEAGE,
  EMBED_BATCH_LINEAGE,
  PROMOTION_LINEAGE,
];

/** Where the promotion and the migrations' views live as jobs. */
export const POSTGRES_JOB_NAMESPACE = 'scout://postgres';

const PRODUCER = 'urn:scout:lineage-backend:platform';
const SCHEMA_URL =
  'https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent';

type Job = Omit<PlatformJob, 'kind'> & {
  kind: PlatformJob['kind'] | 'view';
  sql?: string;
};

/**
 * The views that the SQL migrations in `migrationsDir` create, derived by
 * python/migration_views.py (sqlglot, PostgreSQL dialect).
 */
export async function migrationViews(
  python: string,
  migrationsDir: string,
): Promise<{ jobs: Job[]; warnings: string[] }> {
  const { stdout } = await runPython(python, [
    script('migration_views.py'),
    '--migrations',
    migrationsDir,
  ]);
  return JSON.parse(stdout);
}

/**
 * One COMPLETE event per platform job. Postgres tables go in `namespace`,
 * named `postgresql.scout.<table>` as the bronze load names them, so the
 * graph runs from a request body to the lakehouse (and
 * lineage.datasetNameRewrites can move them all to one namespace). The run
 * id hashes the job as declared: the same declaration is the same run.
 */
export function platformEvents(jobs: Job[], namespace: string): RunEvent[] {
  const eventTime = new Date().toISOString();
  return jobs.map(job => {
    const ns = (d: { namespace?: string }) => d.namespace ?? namespace;
    const runId = hashUuid(JSON.stringify([namespace, job]));
    return {
      eventType: 'COMPLETE',
      eventTime,
      producer: PRODUCER,
      schemaURL: SCHEMA_URL,
      run: { runId },
      job: {
        namespace:
          job.kind === 'edge-function'
            ? PLATFORM_API_NAMESPACE
            : POSTGRES_JOB_NAMESPACE,
        name: job.name,
        facets: {
          documentation: facet('DocumentationJobFacet', {
            description: `${job.description} (${job.source})`,
          }),
          jobType: facet('JobTypeJobFacet', {
            processingType: job.kind === 'view' ? 'BATCH' : 'STREAMING',
            integration: 'SCOUT',
            jobType: job.kind.toUpperCase().replace('-', '_'),
          }),
          ...(job.sql ? { sql: facet('SQLJobFacet', { query: job.sql }) } : {}),
        },
      },
      inputs: job.inputs.map(d => ({
        namespace: ns(d),
        name: d.name,
        ...(d.schema
          ? {
              facets: {
                schema: facet('SchemaDatasetFacet', { fields: d.schema }),
              },
            }
          : {}),
      })),
      outputs: job.outputs.map(d => ({
        namespace: ns(d),
        name: d.name,
        facets: {
          schema: facet('SchemaDatasetFacet', {
            fields: d.fields.map(f => ({
              name: f.name,
              ...(f.type ? { type: f.type } : {}),
            })),
          }),
          columnLineage: facet('ColumnLineageDatasetFacet', {
            fields: Object.fromEntries(
              d.fields
                .filter(f => f.from.length > 0)
                .map(f => [
                  f.name,
                  {
                    inputFields: f.from.map(s => ({
                      namespace: ns(s),
                      name: s.dataset,
                      field: s.field,
                      transformations: [{ type: 'DIRECT', subtype: s.subtype }],
                    })),
                  },
                ]),
            ),
          }),
        },
      })),
    };
  });
}

/**
 * Records the platform's lineage: the declared jobs, and the migrations'
 * views when the migrations folder is there (a checkout; an image without
 * one gets the declared jobs only, and a log line says so). Jobs whose
 * declaration has not changed since the last start record nothing.
 */
export async function recordPlatformLineage(options: {
  store: Pick<LineageStore, 'recordAll' | 'knownRuns'>;
  python: string;
  migrationsDir: string | undefined;
  namespace: string;
  logger: LoggerService;
}): Promise<{ jobs: number; recorded: number }> {
  const { store, python, migrationsDir, namespace, logger } = options;
  const jobs: Job[] = [...DECLARED_JOBS];
  if (migrationsDir && existsSync(migrationsDir)) {
    const views = await migrationViews(python, migrationsDir);
    jobs.push(...views.jobs);
    for (const warning of views.warnings) logger.warn(`lineage: ${warning}`);
  } else {
    logger.info(
      `lineage: no migrations folder (${
        migrationsDir ?? 'none configured'
      }), so no lineage for the Postgres views`,
    );
  }
  const events = platformEvents(jobs, namespace);
  const known = await store.knownRuns(events.map(e => e.run.runId));
  const fresh = events.filter(e => !known.has(e.run.runId));
  if (fresh.length) await store.recordAll(fresh);
  return { jobs: events.length, recorded: fresh.length };
}

function facet(name: string, body: Record<string, unknown>) {
  return {
    _producer: PRODUCER,
    _schemaURL: `https://openlineage.io/spec/facets/1-0-0/${name}.json`,
    ...body,
  };
}

/** A UUID (version 8: application-defined) from the SHA-256 of `text`. */
function hashUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20),
    hex.slice(20, 32),
  ].join('-');
}
