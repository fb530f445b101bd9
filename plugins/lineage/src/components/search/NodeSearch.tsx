import { Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Flex, Link, SearchField, Text } from '@backstage/ui';
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

/**
 * Search and jump: typing lists the datasets and jobs whose name holds the
 * text; each is a link to its graph.
 */
export function NodeSearch() {
  const [q, setQ] = useState('');
  const results = useNodeSearch(q);
  const href = useNodeHref();
  return (
    <Flex direction="column" gap="1" className={styles.search}>
      <SearchField
        aria-label="Search datasets and jobs"
        placeholder="Search datasets and jobs, e.g. daily_store_sales"
        value={q}
        onChange={setQ}
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
                  <Link href={href(r.nodeId)} onClick={() => setQ('')}>
                    {r.name}
                  </Link>{' '}
                  <Text as="span" variant="body-small" color="secondary">
                    {`${r.type === 'JOB' ? 'job' : 'dataset'} · ${r.namespace}`}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Flex>
  );
}
