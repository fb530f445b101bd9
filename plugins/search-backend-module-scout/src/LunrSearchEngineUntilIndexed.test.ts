import { mockServices } from '@backstage/backend-test-utils';
import {
  LunrSearchEngine,
  MissingIndexError,
} from '@backstage/plugin-search-backend-node';
import { LunrSearchEngineUntilIndexed } from './LunrSearchEngineUntilIndexed';

const logger = mockServices.logger.mock();

async function index(engine: LunrSearchEngine, type: string, title: string) {
  const indexer = await engine.getIndexer(type);
  await new Promise<void>((resolve, reject) => {
    indexer.on('finish', resolve);
    indexer.on('error', reject);
    indexer.end({
      title,
      text: `${title} runbook`,
      location: `/docs/${title}`,
    });
  });
}

describe('LunrSearchEngineUntilIndexed', () => {
  it('answers no results where plain Lunr throws for a type without an index', async () => {
    const query = { term: 'trino', types: ['techdocs'] };
    await expect(new LunrSearchEngine({ logger }).query(query)).rejects.toThrow(
      MissingIndexError,
    );
    const engine = new LunrSearchEngineUntilIndexed({ logger });
    await expect(engine.query(query)).resolves.toEqual({ results: [] });
  });

  it('finds documents once the type is indexed', async () => {
    const engine = new LunrSearchEngineUntilIndexed({ logger });
    await index(engine, 'techdocs', 'trino');
    const { results } = await engine.query({
      term: 'trino',
      types: ['techdocs'],
    });
    expect(results.map(r => r.document.location)).toEqual(['/docs/trino']);
  });
});
