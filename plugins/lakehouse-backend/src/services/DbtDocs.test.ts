import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DbtDocs } from './DbtDocs';

describe('DbtDocs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lakehouse-docs-'));
  const manifest = join(dir, 'manifest.json');

  it('reads model and source docs by layer and table, and nothing without a manifest', async () => {
    const docs = new DbtDocs(manifest);
    expect(await docs.table('gold', 'gold_payment_mix')).toBeUndefined();
    writeFileSync(
      manifest,
      JSON.stringify({
        nodes: {
          'model.scout.gold_payment_mix': {
            resource_type: 'model',
            schema: 'gold',
            name: 'gold_payment_mix',
            description: 'Count, revenue and share per payment method.',
            columns: {
              revenue: { description: 'Their total in PHP.' },
              region_code: { description: '' },
            },
          },
          'test.scout.not_null': {
            resource_type: 'test',
            schema: 'gold',
            name: 'gold_payment_mix',
          },
        },
        sources: {
          'source.scout.bronze.transactions': {
            resource_type: 'source',
            schema: 'bronze',
            name: 'transactions',
            description: 'One row per transaction per load.',
          },
        },
      }),
    );
    const gold = await docs.table('gold', 'gold_payment_mix');
    expect(gold?.description).toBe(
      'Count, revenue and share per payment method.',
    );
    expect([...gold!.columns]).toEqual([['revenue', 'Their total in PHP.']]);
    expect((await docs.table('bronze', 'transactions'))?.description).toBe(
      'One row per transaction per load.',
    );
  });
});
