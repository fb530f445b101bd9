import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Alert, Flex, Link, Text } from '@backstage/ui';
import { CATALOG_SLOS_ANNOTATION } from '@internal/backstage-plugin-slo-common';
import { rootRouteRef } from '../../routes';
import { EmptyState, ErrorPanel, LoadingRows } from '../common';
import { SloCard } from '../slo/SloCard';
import styles from '../slo/slo.module.css';
import { useEntitySlos } from './useEntitySlos';

/** Listed in the annotation, defined by no spec: say so, and where to look. */
export function UnknownSlos(props: { ids: string[] }) {
  if (props.ids.length === 0) return null;
  return (
    <Alert
      status="warning"
      icon
      title={`${CATALOG_SLOS_ANNOTATION} names ${props.ids.join(
        ', ',
      )}, which no SLO spec defines`}
      description="SLO ids are <service>-<name> of the specs under platform-manifests/observability/slos: fix the annotation or add the spec."
    />
  );
}

/** The "SLOs" tab: each SLO covering the entity, in full. */
export function EntitySloContent() {
  const { entity } = useEntity();
  const slos = useEntitySlos(entity);
  const root = useRouteRef(rootRouteRef);
  const name = entity.metadata.title ?? entity.metadata.name;

  let content;
  if (slos.error) {
    content = (
      <ErrorPanel
        what={`The SLOs of ${name}`}
        error={slos.error}
        onRetry={slos.retry}
      />
    );
  } else if (!slos.items || !slos.value) {
    content = <LoadingRows rows={4} label="Loading SLOs" />;
  } else if (slos.items.length === 0) {
    content = (
      <EmptyState
        title={`No SLO covers ${name} yet`}
        description={`An SLO spec under platform-manifests/observability/slos names its entity in scout.io/entity (here ${slos.ref}); list its id in this entity's ${CATALOG_SLOS_ANNOTATION} annotation.`}
      />
    );
  } else {
    const source = slos.value.source;
    content = (
      <ul className={styles.list} aria-label={`SLOs of ${name}`}>
        {slos.items.map(slo => (
          <li key={slo.id}>
            <SloCard slo={slo} source={source} level={3} />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="center" style={{ flexWrap: 'wrap' }}>
        <Text as="h2" variant="title-x-small">
          {`SLOs of ${name}`}
        </Text>
        {root && <Link href={root()}>Every SLO of the platform</Link>}
      </Flex>
      <UnknownSlos ids={slos.unknownIds} />
      {content}
    </Flex>
  );
}
