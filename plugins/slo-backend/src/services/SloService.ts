import { NotFoundError } from '@backstage/errors';
import type { SloDefinition } from '@internal/backstage-plugin-slo-common';
import type {
  SloDetail,
  SloHistory,
  SloList,
  SloStatus,
} from '../schema/openapi/generated/models';
import type { EmbeddedSource } from './EmbeddedSource';
import type { PrometheusSource } from './PrometheusSource';
import type { SloStore } from './SloStore';
import { byBudget, toStatus } from './status';

type Source =
  | { kind: 'prometheus'; source: PrometheusSource }
  | { kind: 'embedded'; source: EmbeddedSource };

/**
 * SLO status for the API and the actions: the specs, one source
 * (Prometheus when configured, else embedded) and the recorded history,
 * with Prometheus' own range filling in what was not recorded.
 */
export class SloService {
  readonly #defs: SloDefinition[];
  readonly #byId: Map<string, SloDefinition>;
  readonly #source: Source;
  readonly #store: SloStore;
  readonly #historyIntervalMs: number;

  private constructor(options: {
    defs: SloDefinition[];
    source: Source;
    store: SloStore;
    historyIntervalMs: number;
  }) {
    this.#defs = options.defs;
    this.#byId = new Map(options.defs.map(d => [d.id, d]));
    this.#source = options.source;
    this.#store = options.store;
    this.#historyIntervalMs = options.historyIntervalMs;
  }

  static create(options: {
    defs: SloDefinition[];
    source: Source;
    store: SloStore;
    historyIntervalMs: number;
  }) {
    return new SloService(options);
  }

  get sourceKind(): 'prometheus' | 'embedded' {
    return this.#source.kind;
  }

  definition(id: string): SloDefinition | undefined {
    return this.#byId.get(id);
  }

  async #evaluate(defs: SloDefinition[], now: number): Promise<SloStatus[]> {
    if (!defs.length) return [];
    const measured = await this.#source.source.measure(defs, now);
    return defs.map(def => toStatus(def, measured.get(def.id)!));
  }

  /** Every SLO (optionally of one owner or entity), worst budget first. */
  async list(
    filter: { owner?: string; entity?: string } = {},
    now = Date.now(),
  ): Promise<SloList> {
    const defs = this.#defs.filter(
      d =>
        (!filter.owner || d.owner === filter.owner) &&
        (!filter.entity || d.entity === filter.entity),
    );
    const items = (await this.#evaluate(defs, now)).sort(byBudget);
    return {
      source: this.#source.kind,
      evaluatedAt: new Date(now).toISOString(),
      items,
    };
  }

  async get(id: string, now = Date.now()): Promise<SloDetail> {
    const def = this.#byId.get(id);
    if (!def) throw new NotFoundError(`no SLO with id ${id}`);
    const [item] = await this.#evaluate([def], now);
    return {
      source: this.#source.kind,
      evaluatedAt: new Date(now).toISOString(),
      item,
    };
  }

  async history(
    id: string,
    days: number,
    now = Date.now(),
  ): Promise<SloHistory> {
    const def = this.#byId.get(id);
    if (!def) throw new NotFoundError(`no SLO with id ${id}`);
    const since = now - days * 86_400_000;
    const rows = await this.#store.history(id, since);
    const points = new Map(rows.map(r => [r.at, r]));
    if (this.#source.kind === 'prometheus') {
      // What Prometheus kept from before this portal recorded: the stored
      // points win where both have one (the same value, or an earlier
      // embedded source's). A Prometheus that does not answer leaves the
      // stored points; the status routes report it as a 503.
      const step = this.#historyIntervalMs;
      const from = Math.ceil(since / step) * step;
      const to = Math.floor(now / step) * step;
      const kept = await this.#source.source
        .history(def, from, to, step)
        .catch(() => []);
      for (const p of kept) {
        if (!points.has(p.at)) points.set(p.at, { ...p, source: 'prometheus' });
      }
    }
    return {
      id,
      objective: def.objective,
      intervalSeconds: Math.round(this.#historyIntervalMs / 1000),
      points: [...points.values()]
        .sort((a, b) => a.at - b.at)
        .map(r => ({
          at: new Date(r.at).toISOString(),
          sli: r.sli,
          errorBudgetRemaining: r.budgetRemaining,
          source: r.source,
        })),
    };
  }

  /** Records one history point per SLO (the scheduler calls this). */
  async recordHistory(now = Date.now()): Promise<void> {
    const statuses = await this.#evaluate(this.#defs, now);
    // One timestamp per interval, so restarts and instances do not crowd it.
    const at =
      Math.floor(now / this.#historyIntervalMs) * this.#historyIntervalMs;
    await this.#store.addHistory(
      statuses.map(s => ({
        sloId: s.id,
        at,
        sli: s.sli,
        budgetRemaining: s.errorBudgetRemaining,
        source: this.#source.kind,
      })),
    );
    await this.#store.prune(now);
  }
}
