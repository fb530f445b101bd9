import {
  LunrSearchEngine,
  MissingIndexError,
} from '@backstage/plugin-search-backend-node';
import type {
  IndexableResultSet,
  SearchQuery,
} from '@backstage/plugin-search-common';

/**
 * Backstage's Lunr engine, except that a query for types none of which is
 * indexed yet answers no results instead of throwing MissingIndexError
 * (which the search router turns into a 500). A type has no index until
 * its collator's first run has yielded a document: TechDocs' collator runs
 * on a schedule after start, so for the first seconds of every start, and
 * for good on a portal without built docs, "search docs" would fail.
 */
export class LunrSearchEngineUntilIndexed extends LunrSearchEngine {
  async query(query: SearchQuery): Promise<IndexableResultSet> {
    try {
      return await super.query(query);
    } catch (error) {
      if (error instanceof MissingIndexError) return { results: [] };
      throw error;
    }
  }
}
