import type { Knex } from 'knex';

/** Good and total over one window, summed from stored minutes. */
export type WindowCounts = { good: number; total: number };

/** One SLO's good and total events in one minute (epoch minutes). */
export type MinuteRow = {
  sloId: string;
  minute: number;
  good: number;
  total: number;
};

export type HistoryRow = {
  at: number;
  sli: number | null;
  budgetRemaining: number | null;
  source: 'prometheus' | 'embedded';
};

/** A firing alert of the embedded source: one SLO, one severity. */
export type AlertState = {
  sloId: string;
  severity: 'page' | 'ticket';
  /** When it began, Unix time in ms. */
  since: number;
};

/** Minutes kept: the 30-day window and a day to spare. */
const KEEP_MINUTES = 31 * 24 * 60;
/** History kept: the longest chart the API serves. */
const KEEP_HISTORY_MS = 90 * 24 * 3600 * 1000;

/**
 * The plugin's tables (migrations/): minutes, history, alert deliveries and
 * the embedded source's firing alerts.
 */
export class SloStore {
  readonly #db: Knex;

  private constructor(db: Knex) {
    this.#db = db;
  }

  static create(db: Knex) {
    return new SloStore(db);
  }

  /**
   * Records one sample in one transaction, so a reader never sees this
   * minute's events without its slices: event counts are added to the
   * minute's, slices replace it (one slice per SLO per minute).
   */
  async addSample(sample: { events: MinuteRow[]; slices: MinuteRow[] }) {
    if (!sample.events.length && !sample.slices.length) return;
    await this.#db.transaction(async tx => {
      for (const [rows, replace] of [
        [sample.events, false],
        [sample.slices, true],
      ] as const) {
        if (!rows.length) continue;
        await tx('slo_minutes')
          .insert(
            rows.map(r => ({
              slo_id: r.sloId,
              minute: r.minute,
              good: r.good,
              total: r.total,
            })),
          )
          .onConflict(['slo_id', 'minute'])
          .merge(
            replace
              ? ['good', 'total']
              : {
                  good: tx.raw('slo_minutes.good + excluded.good'),
                  total: tx.raw('slo_minutes.total + excluded.total'),
                },
          );
      }
    });
  }

  /**
   * Per SLO, good and total over each window ending at `nowMinute`
   * (inclusive), in one pass over the longest window.
   */
  async windowCounts(
    nowMinute: number,
    windows: Record<string, number>,
  ): Promise<Map<string, Record<string, WindowCounts>>> {
    const longest = Math.max(...Object.values(windows));
    const columns: Knex.Raw[] = [];
    const names = Object.keys(windows);
    names.forEach((name, i) => {
      const from = nowMinute - windows[name] + 1;
      columns.push(
        this.#db.raw(
          `sum(case when minute >= ? then good else 0 end) as g${i}, sum(case when minute >= ? then total else 0 end) as t${i}`,
          [from, from],
        ),
      );
    });
    const rows: Array<Record<string, string | number>> = await this.#db(
      'slo_minutes',
    )
      .select('slo_id', ...columns)
      .where('minute', '>=', nowMinute - longest + 1)
      .where('minute', '<=', nowMinute)
      .groupBy('slo_id');
    const out = new Map<string, Record<string, WindowCounts>>();
    for (const row of rows) {
      const counts: Record<string, WindowCounts> = {};
      names.forEach((name, i) => {
        counts[name] = {
          good: Number(row[`g${i}`] ?? 0),
          total: Number(row[`t${i}`] ?? 0),
        };
      });
      out.set(String(row.slo_id), counts);
    }
    return out;
  }

  async addHistory(
    points: Array<HistoryRow & { sloId: string }>,
  ): Promise<void> {
    if (!points.length) return;
    await this.#db('slo_history')
      .insert(
        points.map(p => ({
          slo_id: p.sloId,
          at: p.at,
          sli: p.sli,
          budget_remaining: p.budgetRemaining,
          source: p.source,
        })),
      )
      .onConflict(['slo_id', 'at'])
      .ignore();
  }

  async history(sloId: string, since: number): Promise<HistoryRow[]> {
    const rows = await this.#db('slo_history')
      .select('at', 'sli', 'budget_remaining', 'source')
      .where({ slo_id: sloId })
      .where('at', '>=', since)
      .orderBy('at', 'asc');
    return rows.map(r => ({
      at: Number(r.at),
      sli: r.sli === null ? null : Number(r.sli),
      budgetRemaining:
        r.budget_remaining === null ? null : Number(r.budget_remaining),
      source: r.source,
    }));
  }

  /** Time of the newest history point of any SLO, or undefined. */
  async lastHistoryAt(): Promise<number | undefined> {
    const row = await this.#db('slo_history').max({ at: 'at' }).first();
    return row?.at === null || row?.at === undefined
      ? undefined
      : Number(row.at);
  }

  /** The stored firing alerts of `sloIds`. */
  async alertStates(sloIds: readonly string[]): Promise<AlertState[]> {
    if (!sloIds.length) return [];
    const rows = await this.#db('slo_alert_states')
      .select('slo_id', 'severity', 'since')
      .whereIn('slo_id', sloIds);
    return rows.map(r => ({
      sloId: String(r.slo_id),
      severity: r.severity,
      since: Number(r.since),
    }));
  }

  /**
   * Records alerts that began firing and forgets those that stopped. An
   * alert already recorded keeps its time (two replicas starting the same
   * alert at once keep the first).
   */
  async updateAlertStates(
    started: readonly AlertState[],
    stopped: ReadonlyArray<Omit<AlertState, 'since'>>,
  ): Promise<void> {
    if (started.length) {
      await this.#db('slo_alert_states')
        .insert(
          started.map(a => ({
            slo_id: a.sloId,
            severity: a.severity,
            since: a.since,
          })),
        )
        .onConflict(['slo_id', 'severity'])
        .ignore();
    }
    for (const a of stopped) {
      await this.#db('slo_alert_states')
        .where({ slo_id: a.sloId, severity: a.severity })
        .delete();
    }
  }

  /**
   * Claims an alert delivery; false when it was claimed before (a retry or
   * repeat of the same alert in the same state).
   */
  async claimDelivery(
    key: string,
    sloId: string,
    status: string,
    now: number,
  ): Promise<boolean> {
    const inserted = await this.#db('slo_alert_deliveries')
      .insert({ key, slo_id: sloId, status, received_at: now })
      .onConflict('key')
      .ignore()
      .returning('key');
    return inserted.length > 0;
  }

  /** Gives a claim back when the notification could not be sent. */
  async releaseDelivery(key: string): Promise<void> {
    await this.#db('slo_alert_deliveries').where({ key }).delete();
  }

  /** Drops minutes, history and deliveries past what anything reads. */
  async prune(now: number): Promise<void> {
    const minute = Math.floor(now / 60_000);
    await this.#db('slo_minutes')
      .where('minute', '<', minute - KEEP_MINUTES)
      .delete();
    await this.#db('slo_history')
      .where('at', '<', now - KEEP_HISTORY_MS)
      .delete();
    await this.#db('slo_alert_deliveries')
      .where('received_at', '<', now - KEEP_HISTORY_MS)
      .delete();
  }
}
