import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Flex, Link, Text } from '@backstage/ui';
import type { DatasetNode } from '../../lib/graph-transformations';
import { lakehouseTableOf } from '../../lib/layers';
import { lakehouseTableRouteRef, rootRouteRef } from '../../routes';
import { DatasetFreshness } from './DatasetFreshness';
import { DatasetLifecycle } from './DatasetLifecycle';
import { DatasetRun } from './DatasetRun';
import { DatasetTests } from './DatasetTests';
import { ImpactList } from './ImpactList';
import { useTableEntity } from '../../hooks';
import { TableOwner } from './TableOwner';
import { WrappingName } from './WrappingName';
import styles from './panel.module.css';

/**
 * A dataset: whether it was dropped, renamed or truncated, where it lives,
 * who owns it, its last run and freshness, its fields, tests, and what
 * reads it.
 */
export function DatasetDetails(props: {
  dataset: DatasetNode;
  isRoot: boolean;
}) {
  const { dataset } = props;
  const table = lakehouseTableOf(dataset.name);
  const lakehouseLink = useRouteRef(lakehouseTableRouteRef);
  // Only a table the catalog knows is in a lakehouse catalog the browser
  // shows (an imported project's datasets are not).
  const entity = useTableEntity(dataset.name);
  const root = useRouteRef(rootRouteRef)?.() ?? '/lineage';
  return (
    <Flex direction="column" gap="3">
      <Text as="h3" variant="title-x-small">
        <WrappingName name={dataset.name} />
      </Text>
      <DatasetLifecycle dataset={dataset} />
      <dl className={styles.facts}>
        <dt>Namespace</dt>
        <dd className={styles.mono}>
          <WrappingName name={dataset.namespace} />
        </dd>
        <dt>Layer</dt>
        <dd>{dataset.layer}</dd>
        <dt>Owner</dt>
        <dd>
          <TableOwner datasetName={dataset.name} owners={dataset.owners} />
        </dd>
      </dl>
      <Flex gap="3" style={{ flexWrap: 'wrap' }}>
        {table && lakehouseLink && entity.value && (
          <Link href={lakehouseLink(table)}>Open in the Lakehouse</Link>
        )}
        {!props.isRoot && (
          <Link href={`${root}?node=${encodeURIComponent(dataset.id)}`}>
            Centre the graph here
          </Link>
        )}
      </Flex>
      <DatasetRun run={dataset.lastRun} write={dataset.lastWrite} />
      {dataset.freshness && <DatasetFreshness freshness={dataset.freshness} />}
      <Flex direction="column" gap="1">
        <Text variant="body-medium" weight="bold">
          {`Fields (${dataset.fields.length})`}
        </Text>
        {dataset.fields.length ? (
          <ul className={styles.list} aria-label="Fields">
            {dataset.fields.map(f => (
              <li key={f.name}>
                <span className={styles.mono}>{f.name}</span>{' '}
                <span className={styles.type}>{f.type ?? ''}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Text variant="body-small" color="secondary">
            Its producer sent no schema for this dataset.
          </Text>
        )}
      </Flex>
      <DatasetTests dataset={dataset} />
      <ImpactList nodeId={dataset.id} />
    </Flex>
  );
}
