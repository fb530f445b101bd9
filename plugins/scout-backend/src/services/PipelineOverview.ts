import { PipelineRun } from '@internal/backstage-plugin-scout-node';
import type {
  Attention,
  LayerSummary,
  LayerSummaryLayerEnum,
  PipelineOverview,
} from '../schema/openapi/generated/models';
import { toApiRun } from './apiRuns';
import { IngestSummaryService } from './IngestSummary';
import { LakehousePipeline } from './LakehousePipeline';

const LAYERS: LayerSummaryLayerEnum[] = [
  'bronze',
  'silver',
  'gold',
  'platinum',
];

/** How many failing tests an attention item names before "and N more". */
const NAMED_TESTS = 3;

/** `5400` -> `1 h 30 min`. */
export function formatAge(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** Rows keyed `layer.table` (a run's `rows`) as layers, largest table first. */
export function summarizeLayers(rows: Record<string, number>): LayerSummary[] {
  return LAYERS.map(layer => {
    const tables = Object.entries(rows)
      .filter(([key]) => key.startsWith(`${layer}.`))
      .map(([key, count]) => ({
        name: key.slice(layer.length + 1),
        rows: count,
      }))
      .sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
    return {
      layer,
      rows: tables.reduce((sum, t) => sum + t.rows, 0),
      tables,
    };
  }).filter(layer => layer.tables.length > 0);
}

/**
 * The pipeline's state for the home page: the latest and last published
 * runs, the data's age, rows per layer, and what needs attention.
 */
export class PipelineOverviewService {
  readonly #pipeline: LakehousePipeline;
  readonly #ingest: IngestSummaryService;
  readonly #staleAfterSeconds: number;
  readonly #catalogs: Record<PipelineRun['engine'], string>;

  constructor(options: {
    pipeline: LakehousePipeline;
    ingest: IngestSummaryService;
    /** Data older than this counts as stale. */
    staleAfterSeconds: number;
    /** The catalog each engine publishes to (Trino's is configured). */
    catalogs: Record<PipelineRun['engine'], string>;
  }) {
    this.#pipeline = options.pipeline;
    this.#ingest = options.ingest;
    this.#staleAfterSeconds = options.staleAfterSeconds;
    this.#catalogs = options.catalogs;
  }

  /**
   * `attention` lists, in this order: the latest finished run's failure and
   * its failing tests, data older than staleAfterSeconds (or never
   * published), and transactions quarantined in the last 24 h.
   */
  async overview(now = new Date()): Promise<PipelineOverview> {
    // At most one run is running, so the newest two hold the latest finished.
    const newest = await this.#pipeline.runs(2);
    const [lastPublished] = await this.#pipeline.runs(1, 'published');
    const finished = newest.find(run => run.status !== 'running');
    const dataAgeSeconds = lastPublished?.finishedAt
      ? (now.getTime() - Date.parse(lastPublished.finishedAt)) / 1000
      : null;
    const attention: Attention[] = [
      ...(finished ? await this.#runAttention(finished) : []),
      ...this.#staleness(dataAgeSeconds),
      ...(await this.#quarantine()),
    ];
    return {
      latest: newest[0] ? toApiRun(newest[0]) : null,
      lastPublished: lastPublished ? toApiRun(lastPublished) : null,
      dataAgeSeconds,
      staleAfterSeconds: this.#staleAfterSeconds,
      layers: lastPublished ? summarizeLayers(lastPublished.rows) : [],
      lakehouseCatalog: lastPublished
        ? this.#catalogs[lastPublished.engine]
        : null,
      attention,
    };
  }

  /** The latest finished run's failure and failing tests. */
  async #runAttention(run: PipelineRun): Promise<Attention[]> {
    const items: Attention[] = [];
    if (run.status === 'failed') {
      items.push({
        kind: 'failed-run',
        severity: 'error',
        title: `Pipeline run ${run.runId} failed`,
        detail: run.error ?? 'The run failed without a message.',
        runId: run.runId,
      });
    }
    const { tests } = await this.#pipeline.run(run.runId);
    const failing = tests.filter(
      t => t.status === 'fail' || t.status === 'error',
    );
    if (failing.length > 0) {
      const named = failing
        .slice(0, NAMED_TESTS)
        .map(t => (t.model ? `${t.name} on ${t.model}` : t.name));
      const more = failing.length - named.length;
      items.push({
        kind: 'failing-test',
        severity: 'error',
        title: `${failing.length} dbt test${
          failing.length === 1 ? '' : 's'
        } failing in run ${run.runId}`,
        detail: `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
        runId: run.runId,
      });
    }
    return items;
  }

  #staleness(dataAgeSeconds: number | null): Attention[] {
    if (dataAgeSeconds === null) {
      return [
        {
          kind: 'stale-data',
          severity: 'warning',
          title: 'The lakehouse has never been published',
          detail:
            'No pipeline run has published to main yet: start one on the Pipeline page, or wait for the schedule.',
          runId: null,
        },
      ];
    }
    if (dataAgeSeconds <= this.#staleAfterSeconds) return [];
    return [
      {
        kind: 'stale-data',
        severity: 'warning',
        title: 'Lakehouse data is stale',
        detail: `The last publish was ${formatAge(
          dataAgeSeconds,
        )} ago; data counts as stale after ${formatAge(
          this.#staleAfterSeconds,
        )}.`,
        runId: null,
      },
    ];
  }

  async #quarantine(): Promise<Attention[]> {
    const { quarantined, quarantineReasons } = await this.#ingest.quarantine(
      24,
    );
    if (quarantined === 0) return [];
    return [
      {
        kind: 'quarantine',
        severity: 'warning',
        title: `${quarantined} transaction${
          quarantined === 1 ? '' : 's'
        } quarantined in the last 24 h`,
        detail: quarantineReasons
          .map(({ reason, count }) => `${reason}: ${count}`)
          .join(', '),
        runId: null,
      },
    ];
  }
}
