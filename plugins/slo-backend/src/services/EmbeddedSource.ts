import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  SloDefinition,
  TimeSliceSli,
} from '@internal/backstage-plugin-slo-common';
import type { SloAlert } from '../schema/openapi/generated/models';
import { parseExposition, type Sample } from './exposition';
import {
  type CounterSum,
  matches,
  parseCounterSum,
  type Selector,
  UnsupportedQueryError,
} from './promql';
import type { AlertState, MinuteRow, SloStore } from './SloStore';
import {
  burningSeverities,
  type Measurement,
  toStatus,
  type Window,
  WINDOW_MINUTES,
} from './status';

/** Reads the portal's metrics: one exposition text per source. */
export type MetricsReader = () => Promise<string[]>;

type Compiled =
  | { def: SloDefinition; kind: 'ratio'; error: CounterSum; total: CounterSum }
  | { def: SloDefinition; kind: 'timeslice'; sli: TimeSliceSli }
  | { def: SloDefinition; kind: 'unsupported'; reason: string };

const selectorKey = (s: Selector) => JSON.stringify(s);

/** max(metric{labels}) over samples: the PromQL the time-slice specs use. */
function gaugeMax(samples: Sample[], sli: TimeSliceSli): number | null {
  let max: number | null = null;
  for (const s of samples) {
    if (
      s.metric === sli.metric &&
      Object.entries(sli.labels).every(([k, v]) => s.labels[k] === v) &&
      (max === null || s.value > max)
    ) {
      max = s.value;
    }
  }
  return max;
}

/**
 * SLIs without Prometheus, from the portal's own metrics (the registries
 * behind /api/scout/metrics and /api/lakehouse/metrics, read once a minute):
 *
 * - ratio SLIs: each spec query is parsed (Prometheus' grammar, a fixed
 *   subset: sums and differences of sum(rate(selector[window]))); per minute
 *   the increase of each selector's counters gives that minute's bad and
 *   total events, stored in slo_minutes; a window's error ratio is the sum
 *   of bad over the sum of total across its minutes, which is what the
 *   rate-based PromQL computes.
 * - time-slice SLIs: per minute, `now - max(gauge)` against the threshold
 *   makes one good or bad slice (no gauge: no slice), as our recording rule
 *   does. The gauges are computed from the data when read (newest gold row,
 *   last published pipeline run).
 *
 * Alerts are the same multi-window burn-rate conditions Sloth's rules use;
 * when each began is kept in slo_alert_states, so it survives a restart.
 */
export class EmbeddedSource {
  readonly #compiled: Compiled[];
  readonly #store: SloStore;
  readonly #read: MetricsReader;
  #previous = new Map<string, number>();
  #lastSamples: { at: number; samples: Sample[] } | undefined;

  private constructor(
    defs: SloDefinition[],
    store: SloStore,
    read: MetricsReader,
    logger: LoggerService,
  ) {
    this.#store = store;
    this.#read = read;
    this.#compiled = defs.map(def => {
      if (def.sli.type === 'timeslice') {
        return { def, kind: 'timeslice', sli: def.sli };
      }
      try {
        return {
          def,
          kind: 'ratio',
          error: parseCounterSum(def.sli.errorQuery),
          total: parseCounterSum(def.sli.totalQuery),
        };
      } catch (error) {
        if (!(error instanceof UnsupportedQueryError)) throw error;
        logger.warn(
          `slo: ${def.id} cannot be evaluated without Prometheus: ${error.message}`,
        );
        return { def, kind: 'unsupported', reason: error.message };
      }
    });
  }

  static create(options: {
    defs: SloDefinition[];
    store: SloStore;
    read: MetricsReader;
    logger: LoggerService;
  }) {
    return new EmbeddedSource(
      options.defs,
      options.store,
      options.read,
      options.logger,
    );
  }

  /** SLOs whose queries are outside the subset, with the reason. */
  unsupported(): Array<{ id: string; reason: string }> {
    return this.#compiled.flatMap(c =>
      c.kind === 'unsupported' ? [{ id: c.def.id, reason: c.reason }] : [],
    );
  }

  /**
   * Reads the metrics once and records this minute: counter increases since
   * the last sample (the first sample of a process counts from zero: the
   * registries are this process's) and one slice per time-slice SLO.
   */
  async sample(now: number): Promise<void> {
    const samples = (await this.#read()).flatMap(parseExposition);
    const minute = Math.floor(now / 60_000);
    const current = new Map<string, number>();
    const increase = (terms: CounterSum) => {
      let sum = 0;
      for (const { sign, selector } of terms) {
        const key = selectorKey(selector);
        let value = current.get(key);
        if (value === undefined) {
          value = 0;
          for (const s of samples) {
            if (
              s.metric === selector.metric &&
              matches(selector.matchers, s.labels)
            ) {
              value += s.value;
            }
          }
          current.set(key, value);
        }
        const before = this.#previous.get(key) ?? 0;
        // A counter below its last value was reset: count from zero.
        sum += sign * (value >= before ? value - before : value);
      }
      return sum;
    };
    const events: MinuteRow[] = [];
    const slices: MinuteRow[] = [];
    for (const c of this.#compiled) {
      if (c.kind === 'ratio') {
        const total = Math.max(0, increase(c.total));
        const bad = Math.min(total, Math.max(0, increase(c.error)));
        if (total > 0) {
          events.push({ sloId: c.def.id, minute, good: total - bad, total });
        }
      } else if (c.kind === 'timeslice') {
        const newest = gaugeMax(samples, c.sli);
        if (newest !== null) {
          const bad = now / 1000 - newest > c.sli.thresholdSeconds;
          slices.push({ sloId: c.def.id, minute, good: bad ? 0 : 1, total: 1 });
        }
      }
    }
    // The gauges before the minutes: a reader that sees this minute's
    // slices also sees the reading they came from.
    this.#lastSamples = { at: now, samples };
    await this.#store.addSample({ events, slices });
    // Only once stored: a failed write is counted again by the next sample.
    for (const [key, value] of current) this.#previous.set(key, value);
  }

  /** Each SLO's measurement from the stored minutes ending at `now`. */
  async measure(
    defs: SloDefinition[],
    now: number,
  ): Promise<Map<string, Measurement>> {
    const counts = await this.#store.windowCounts(
      Math.floor(now / 60_000),
      WINDOW_MINUTES,
    );
    const stored = new Map(
      (await this.#store.alertStates(defs.map(d => d.id))).map(a => [
        `${a.sloId}:${a.severity}`,
        a.since,
      ]),
    );
    const started: AlertState[] = [];
    const stopped: Array<Omit<AlertState, 'since'>> = [];
    const out = new Map<string, Measurement>();
    for (const def of defs) {
      const c = counts.get(def.id);
      const errorRatios: Partial<Record<Window, number | null>> = {};
      for (const w of Object.keys(WINDOW_MINUTES) as Window[]) {
        const x = c?.[w];
        errorRatios[w] = x && x.total > 0 ? 1 - x.good / x.total : null;
      }
      let currentValueSeconds: number | null = null;
      if (def.sli.type === 'timeslice' && this.#lastSamples) {
        const newest = gaugeMax(this.#lastSamples.samples, def.sli);
        currentValueSeconds = newest === null ? null : now / 1000 - newest;
      }
      const measurement: Measurement = {
        errorRatios,
        alerts: [],
        currentValueSeconds,
      };
      const { burnRates } = toStatus(def, measurement);
      const burning = new Set(burningSeverities(burnRates));
      for (const severity of ['page', 'ticket'] as const) {
        // When it began: kept in the database, so a restart keeps it.
        let since = stored.get(`${def.id}:${severity}`);
        if (!burning.has(severity)) {
          if (since !== undefined) stopped.push({ sloId: def.id, severity });
          continue;
        }
        if (since === undefined) {
          since = now;
          started.push({ sloId: def.id, severity, since });
        }
        const alert: SloAlert = {
          severity,
          state: 'firing',
          since: new Date(since).toISOString(),
        };
        measurement.alerts.push(alert);
      }
      out.set(def.id, measurement);
    }
    await this.#store.updateAlertStates(started, stopped);
    return out;
  }
}
