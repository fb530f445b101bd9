import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { facet, NS } from './__testUtils__/events';
import { lineagePlugin } from './plugin';

// Whatever text the API accepts reads back the same; what no store can
// keep (a lone surrogate, U+0000) is refused with a 400, never stored.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const auth = mockCredentials.service.header();

/** Names of any UTF-16 code units (surrogates alone too), but a colon. */
const name = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 24 })
  .filter(s => !s.includes(':'));
/** Text UTF-8 can encode (no lone surrogate: encodeURIComponent throws) and without U+0000. */
function storable(text: string): boolean {
  try {
    encodeURIComponent(text);
  } catch {
    return false;
  }
  return !text.includes('\u0000');
}

it('reads back every dataset and field name it accepts, and refuses the rest', async () => {
  const { server } = await startTestBackend({
    features: [
      lineagePlugin,
      mockServices.database.factory({ knex: await databases.init('SQLITE_3') }),
    ],
  });
  // Each run writes to a namespace of its own: a dataset keeps every field
  // it was ever written with, so a name drawn twice would read back both.
  let run = 0;
  await fc.assert(
    fc.asyncProperty(name, name, async (dataset, field) => {
      const ns = `${NS}/run${(run += 1)}`;
      const sent = await request(server)
        .post('/api/lineage/api/v1/lineage')
        .set('authorization', auth)
        .send({
          eventType: 'COMPLETE',
          eventTime: '2026-12-01T00:00:00Z',
          producer: 'test',
          run: { runId: randomUUID() },
          job: { namespace: 'scout', name: 'property' },
          outputs: [
            {
              namespace: ns,
              name: dataset,
              facets: {
                schema: facet('SchemaDatasetFacet', {
                  fields: [{ name: field }],
                }),
              },
            },
          ],
        });
      const keep = storable(dataset) && storable(field);
      expect({
        status: sent.status,
        refused: String(sent.body?.error?.message).includes('is not storable'),
      }).toEqual(
        keep ? { status: 201, refused: false } : { status: 400, refused: true },
      );
      if (!keep) return;
      const node = await request(server)
        .get('/api/lineage/api/v1/lineage')
        .query({ nodeId: `dataset:${ns}:${dataset}`, depth: 1 })
        .set('authorization', auth);
      const found = node.body.graph.find(
        (n: { id: string }) => n.id === `dataset:${ns}:${dataset}`,
      );
      expect(found.data.name).toBe(dataset);
      expect(found.data.fields.map((f: { name: string }) => f.name)).toEqual([
        field,
      ]);
    }),
    { numRuns: 60 },
  );
}, 60_000);
