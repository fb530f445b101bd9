import type { ReactNode } from 'react';
import { SupportButton } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import catalogPlugin, {
  catalogTranslationRef,
} from '@backstage/plugin-catalog/alpha';
import { catalogEntityCreatePermission } from '@backstage/plugin-catalog-common/alpha';
import {
  CatalogFilterLayout,
  EntityListProvider,
  type EntityListPagination,
} from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { ButtonLink, Container, Header } from '@backstage/ui';
import { RiAddLine } from '@remixicon/react';
import { CatalogIndexTable } from './CatalogIndexTable';

/**
 * The catalog page as Backstage's own (header with Create and Support,
 * the filter column, the entity list), with the list in a Backstage UI
 * table (CatalogIndexTable) instead of material-table.
 */
export function CatalogIndexPage(props: {
  filters: ReactNode;
  pagination?: EntityListPagination;
}) {
  const orgName =
    useApi(configApiRef).getOptionalString('organization.name') ?? 'Backstage';
  const { t } = useTranslationRef(catalogTranslationRef);
  const createHref = useRouteRef(
    catalogPlugin.externalRoutes.createComponent,
  )?.();
  const { allowed } = usePermission({
    permission: catalogEntityCreatePermission,
  });
  return (
    <EntityListProvider pagination={props.pagination}>
      <Header
        title={t('indexPage.title', { orgName })}
        customActions={
          <>
            {allowed && createHref && (
              <ButtonLink
                variant="primary"
                href={createHref}
                iconStart={<RiAddLine />}
              >
                {t('indexPage.createButtonTitle')}
              </ButtonLink>
            )}
            <SupportButton>{t('indexPage.supportButtonContent')}</SupportButton>
          </>
        }
      />
      <Container>
        <CatalogFilterLayout>
          <CatalogFilterLayout.Filters>
            {props.filters}
          </CatalogFilterLayout.Filters>
          <CatalogFilterLayout.Content>
            <CatalogIndexTable />
          </CatalogFilterLayout.Content>
        </CatalogFilterLayout>
      </Container>
    </EntityListProvider>
  );
}
