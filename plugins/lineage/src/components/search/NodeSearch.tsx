import { Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Button, Flex, Link, SearchField, Text } from '@backstage/ui';
import { useState } from 'react';
import { useNodeSearch } from '../../hooks';
import { rootRouteRef } from '../../routes';
import styles from './search.module.css';

/** The Lineage page's address. */
export function useLineageRoot() {
  return useRouteRef(rootRouteRef)?.() ?? '/lineage';
}

/** Link to a node's graph on the Lineage page. */
export function useNodeHref() {
  const root = useLineageRoot();
  return (nodeId: string) => `${root}?node=${encodeURIComponent(nodeId)}`;
}

/** Matches listed at first, and the most one request may ask for. */
const FIRST_PAGE = 10;
const MOST = 100;

/**
 * Search and jump: typing lists the datasets and jobs whose name holds the
 * text; each is a link to its graph. Past the first ten it says how many
 * match, and lists up to a hundred on request.
 */
export function NodeSearch() {
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(FIRST_PAGE);
  const results = useNodeSearch(q, { limit });
  const href = useNodeHref();
  const search = (text: string) => {
    setQ(text);
    setLimit(FIRST_PAGE);
  };
  const shown = results.value?.results.length ?? 0;
  const total = results.value?.totalCount ?? 0;
  return (
    <Flex direction="column" gap="1" className={styles.search}>
      <SearchField
        aria-label="Search datasets and jobs"
        placeholder="Search datasets and jobs, e.g. daily_store_sales"
        value={q}
        onChange={search}
      />
      {q.trim() && (
        <div className={styles.results}>
          {results.loading && <Progress />}
          {results.error && (
            <Text variant="body-small" color="danger">
              {`The search failed: ${results.error.message}`}
            </Text>
          )}
          {results.value && !results.value.results.length && (
            <Text variant="body-small" color="secondary">
              {`Nothing recorded matches "${q.trim()}".`}
            </Text>
          )}
          {results.value && results.value.results.length > 0 && (
            <ul className={styles.list} aria-label="Search results">
              {results.value.results.map(r => (
                <li key={r.nodeId}>
                  <Link href={href(r.nodeId)} onClick={() => search('')}>
                    {r.name}
                  </Link>{' '}
                  <Text as="span" variant="body-small" color="secondary">
                    {`${r.type === 'JOB' ? 'job' : 'dataset'} · ${r.namespace}`}
                  </Text>
                </li>
              ))}
            </ul>
          )}
          {total > shown && (
            <Flex align="center" gap="2">
              <Text variant="body-small" color="secondary">
                {`${shown} of ${total} matches${
                  limit >= MOST
                    ? ': type more of the name or namespace to narrow them'
                    : ''
                }.`}
              </Text>
              {limit < MOST && (
                <Button
                  size="small"
                  variant="secondary"
                  onPress={() => setLimit(MOST)}
                >
                  {total <= MOST ? 'Show all' : `Show ${MOST}`}
                </Button>
              )}
            </Flex>
          )}
        </div>
      )}
    </Flex>
  );
}
