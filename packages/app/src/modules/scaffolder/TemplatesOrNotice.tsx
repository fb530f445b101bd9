import type { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { Alert, Text } from '@backstage/ui';

/**
 * The Create page's template list, or, while the catalog has no Template
 * entity, a notice saying why and how to add one (instead of an empty
 * list). If the count cannot be read, the list shows as usual.
 */
export function TemplatesOrNotice({ children }: { children: ReactNode }) {
  const catalogApi = useApi(catalogApiRef);
  const { loading, value: templates } = useAsync(
    async () =>
      (
        await catalogApi.queryEntities({
          filter: { kind: 'template' },
          limit: 0,
        })
      ).totalItems,
    [catalogApi],
  );
  if (loading) return <Progress />;
  if (templates !== 0) return <>{children}</>;
  return (
    <Alert
      m="4"
      status="info"
      icon
      title="No software templates yet"
      description={
        <Text as="p" variant="body-medium">
          Templates for new data pipelines arrive with the scaffolder work. To
          add one now, put a Template YAML in the repository's{' '}
          <code>catalog/</code> folder and list it in{' '}
          <code>catalog/all.yaml</code>, or register its URL on the{' '}
          <Link to="/catalog-import">Register an existing component</Link> page.
        </Text>
      }
    />
  );
}
