import type { Knex } from 'knex';
import { lineageDatabases } from '../__testUtils__/databases';
import { facet, NS } from '../__testUtils__/events';
import { readStoredQuality } from './DatasetFacts';
import { LineageStore } from './LineageStore';
import { quality } from './quality';
import type { RunEvent } from './runEvent';

const databases = lineageDatabases();
afterAll(() => databases.closeAll());

const T1 = '2026-05-01T00:00:00.000Z';
const T2 = '2026-05-02T00:00:00.000Z';

describe('readStoredQuality', () => {
  it('reads the older forms: a single producer array, and no times', () => {
    const pass = { assertion: 'a', success: true, source: 'dbt' };
    expect(readStoredQuality(JSON.stringify([pass]), T1)).toEqual({
      dbt: { eventTime: T1, assertions: [pass], times: [T1], completeAt: T1 },
    });
    expect(
      readStoredQuality(
        JSON.stringify({ dbt: { eventTime: T2, assertions: [pass, pass] } }),
        T2,
      ),
    ).toEqual({
      dbt: {
        eventTime: T2,
        assertions: [pass, pass],
        times: [T2, T2],
        completeAt: T2,
      },
    });
  });
});

describe.each(databases.ids)('applyFacts on %s', id => {
  let db: Knex;
  let store: LineageStore;

  beforeAll(async () => {
    db = await databases.init(id);
    store = new LineageStore(db);
  });

  /** An event checking `dataset` with `assertions`, `complete` or not. */
  const checked = (
    dataset: string,
    at: string,
    assertions: object[],
    complete?: boolean,
  ): RunEvent => ({
    eventType: 'COMPLETE',
    eventTime: at,
    producer: 'https://greatexpectations.io',
    run: { runId: '0195f0a4-0000-7000-8000-000000000000' },
    job: { namespace: 'scout', name: `check ${dataset}` },
    inputs: [
      {
        namespace: NS,
        name: dataset,
        inputFacets: {
          dataQualityAssertions: facet('DataQualityAssertionsDatasetFacet', {
            assertions,
            ...(complete === undefined ? {} : { complete }),
          }),
        },
      },
    ],
  });
  const stored = async (dataset: string) =>
    quality(await db('lineage_datasets').where('name', dataset).first())
      ?.assertions.map(a => `${a.assertion} ${a.column ?? '-'} ${a.success}`)
      .sort();

  it("replaces a producer's whole list when its facet does not say it is partial", async () => {
    await store.recordFacts([
      checked('q.s.ge', T1, [
        { assertion: 'not_null', column: 'id', success: true },
        { assertion: 'in_set', column: 'kind', success: false },
      ]),
    ]);
    await store.recordFacts([
      checked('q.s.ge', T2, [
        { assertion: 'in_set', column: 'kind', success: true },
        // The same check twice on one column: both are kept.
        { assertion: 'in_set', column: 'kind', success: false },
      ]),
    ]);
    expect(await stored('q.s.ge')).toEqual([
      'in_set kind false',
      'in_set kind true',
    ]);
  });

  it('merges a partial report into a row stored in the older array form', async () => {
    await store.recordFacts([
      checked('q.s.old', T1, [{ assertion: 'x', success: true }]),
    ]);
    await db('lineage_datasets')
      .where('name', 'q.s.old')
      .update({
        quality: JSON.stringify([
          { assertion: 'a', column: 'id', success: false, source: 'dbt' },
          { assertion: 'b', success: true, source: 'dbt' },
        ]),
        quality_event_time: T1,
      });
    const dbt = (success: boolean) => ({
      assertion: 'a',
      column: 'id',
      success,
      source: 'dbt',
    });
    await store.recordFacts([checked('q.s.old', T2, [dbt(true)], false)]);
    expect(await stored('q.s.old')).toEqual(['a id true', 'b - true']);
    const row = await db('lineage_datasets').where('name', 'q.s.old').first();
    expect(row).toMatchObject({ quality_event_time: T2 });
    expect(Boolean(row.quality_failed)).toBe(false);
    // An older partial report of the same test changes nothing.
    await store.recordFacts([checked('q.s.old', T1, [dbt(false)], false)]);
    expect(await stored('q.s.old')).toEqual(['a id true', 'b - true']);
  });
});
