import { ServiceUnavailableError } from '@backstage/errors';
import {
  SLI_WINDOWS,
  SLOTH_LABELS,
  SLOTH_RULES,
  SLO_ALERTS,
  type SloDefinition,
  type TimeSliceSli,
} from '@internal/backstage-plugin-slo-common';
import type { SloAlert } from '../schema/openapi/generated/models';
import type { Measurement, Window } from './status';

type VectorSample = { metric: Record<string, string>; value: [number, string] };
type MatrixSample = {
  metric: Record<string, string>;
  values: [number, string][];
};

/** One SLO at one time of a range read: as the history stores it. */
export type HistoryPoint = {
  at: number;
  sli: number | null;
  budgetRemaining: number | null;
};
type PromAlert = {
  labels: Record<string, string>;
  state: string;
  activeAt?: string;
};

/** A PromQL string literal (label values come from specs, still escaped). */
const literal = (value: string) => JSON.stringify(value);

/** `time() - max(metric{labels})`: the time-slice indicator, from the spec. */
export function ageQuery(sli: TimeSliceSli): string {
  const matchers = Object.entries(sli.labels)
    .map(([name, value]) => `${name}=${literal(value)}`)
    .join(',');
  return `time() - max(${sli.metric}${matchers ? `{${matchers}}` : ''})`;
}

// Every recorded error ratio of every SLO in one query: the rule names are
// ours (slo-common), never request input.
const RATIOS_QUERY = `{__name__=~${literal(
  SLI_WINDOWS.map(w => `slo:sli_error:ratio_rate${w}`).join('|'),
)},${SLOTH_LABELS.id}!=""}`;
const BUDGET_QUERY = `${SLOTH_RULES.periodErrorBudgetRemaining}{${SLOTH_LABELS.id}!=""}`;

const number = (text: string) => {
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
};

/**
 * Reads SLO status from Prometheus' HTTP API: the error ratios and budget
 * Sloth's rules record (selected by sloth_id), the firing and pending
 * alerts (/api/v1/alerts), and, for time-slice SLOs, the indicator now.
 */
export class PrometheusSource {
  readonly #baseUrl: string;
  readonly #timeoutMs: number;

  private constructor(baseUrl: string, timeoutMs: number) {
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#timeoutMs = timeoutMs;
  }

  static create(options: { baseUrl: string; timeoutMs: number }) {
    return new PrometheusSource(options.baseUrl, options.timeoutMs);
  }

  async #get<T>(path: string, params?: Record<string, string>): Promise<T> {
    const url = new URL(`${this.#baseUrl}${path}`);
    for (const [k, v] of Object.entries(params ?? {})) {
      url.searchParams.set(k, v);
    }
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        `Prometheus at ${this.#baseUrl} did not answer: ${error}`,
      );
    }
    const body = (await response.json().catch(() => undefined)) as
      | { status: string; data?: T; error?: string }
      | undefined;
    if (!response.ok || body?.status !== 'success' || body.data === undefined) {
      throw new ServiceUnavailableError(
        `Prometheus at ${this.#baseUrl} answered ${response.status}: ${
          body?.error ?? 'no data'
        }`,
      );
    }
    return body.data;
  }

  async #query(query: string, time: number): Promise<VectorSample[]> {
    const data = await this.#get<{ resultType: string; result: unknown }>(
      '/api/v1/query',
      { query, time: String(time / 1000) },
    );
    if (data.resultType === 'scalar') {
      const [, value] = data.result as [number, string];
      return [{ metric: {}, value: [time / 1000, value] }];
    }
    return data.result as VectorSample[];
  }

  async #range(query: string, from: number, to: number, stepMs: number) {
    const data = await this.#get<{ result: MatrixSample[] }>(
      '/api/v1/query_range',
      {
        query,
        start: String(from / 1000),
        end: String(to / 1000),
        step: `${stepMs / 1000}s`,
      },
    );
    const out = new Map<number, number | null>();
    for (const [t, v] of data.result[0]?.values ?? []) {
      out.set(Math.round(t * 1000), number(v));
    }
    return out;
  }

  /**
   * One SLO's recorded 30-day SLI and budget left from `from` to `to` (ms),
   * every `stepMs`, as Prometheus has kept them: the history of a portal
   * that started after Prometheus did. Times without either are left out.
   */
  async history(
    def: SloDefinition,
    from: number,
    to: number,
    stepMs: number,
  ): Promise<HistoryPoint[]> {
    const id = `{${SLOTH_LABELS.id}=${literal(def.id)}}`;
    const [errors, budgets] = await Promise.all([
      this.#range(`slo:sli_error:ratio_rate30d${id}`, from, to, stepMs),
      this.#range(
        `${SLOTH_RULES.periodErrorBudgetRemaining}${id}`,
        from,
        to,
        stepMs,
      ),
    ]);
    const times = [...new Set([...errors.keys(), ...budgets.keys()])].sort(
      (a, b) => a - b,
    );
    return times
      .map(at => {
        const error = errors.get(at) ?? null;
        return {
          at,
          sli: error === null ? null : 1 - error,
          budgetRemaining: budgets.get(at) ?? null,
        };
      })
      .filter(p => p.sli !== null || p.budgetRemaining !== null);
  }

  /** Each SLO's measurement at `now` (ms), in a handful of parallel requests. */
  async measure(
    defs: SloDefinition[],
    now: number,
  ): Promise<Map<string, Measurement>> {
    const ages = new Map<string, Promise<number | null>>();
    for (const def of defs) {
      if (def.sli.type !== 'timeslice') continue;
      const query = ageQuery(def.sli);
      if (!ages.has(query)) {
        ages.set(
          query,
          this.#query(query, now).then(r =>
            r.length ? number(r[0].value[1]) : null,
          ),
        );
      }
    }
    const [ratios, budgets, alerts] = await Promise.all([
      this.#query(RATIOS_QUERY, now),
      this.#query(BUDGET_QUERY, now),
      this.#get<{ alerts: PromAlert[] }>('/api/v1/alerts'),
    ]);
    const ageByQuery = new Map<string, number | null>();
    for (const [query, age] of ages) ageByQuery.set(query, await age);

    const out = new Map<string, Measurement>();
    for (const def of defs) {
      out.set(def.id, {
        errorRatios: {},
        budgetRemaining: null,
        alerts: [],
        currentValueSeconds:
          def.sli.type === 'timeslice'
            ? ageByQuery.get(ageQuery(def.sli)) ?? null
            : null,
      });
    }
    const rulePrefix = 'slo:sli_error:ratio_rate';
    for (const sample of ratios) {
      const m = out.get(sample.metric[SLOTH_LABELS.id]);
      const name = sample.metric.__name__ ?? '';
      if (m && name.startsWith(rulePrefix)) {
        m.errorRatios[name.slice(rulePrefix.length) as Window] = number(
          sample.value[1],
        );
      }
    }
    for (const sample of budgets) {
      const m = out.get(sample.metric[SLOTH_LABELS.id]);
      if (m) m.budgetRemaining = number(sample.value[1]);
    }
    const alertNames = new Map(defs.map(d => [d.id, d.alertName]));
    for (const alert of alerts.alerts) {
      const id = alert.labels[SLOTH_LABELS.id];
      const severity = alert.labels[SLO_ALERTS.severityLabel];
      const m = out.get(id);
      if (
        !m ||
        alert.labels.alertname !== alertNames.get(id) ||
        (severity !== SLO_ALERTS.page && severity !== SLO_ALERTS.ticket) ||
        (alert.state !== 'firing' && alert.state !== 'pending')
      ) {
        continue;
      }
      const entry: SloAlert = {
        severity,
        state: alert.state,
        since: alert.activeAt ? new Date(alert.activeAt).toISOString() : null,
      };
      m.alerts.push(entry);
    }
    return out;
  }
}
