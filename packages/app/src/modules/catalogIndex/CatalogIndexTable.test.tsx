import { Suspense, useEffect, useState } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityKindFilter,
  EntityUserFilter,
  entityRouteRef,
  starredEntitiesApiRef,
  MockStarredEntitiesApi,
} from '@backstage/plugin-catalog-react';
import { MockEntityListContextProvider } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CatalogIndexTable } from './CatalogIndexTable';

function component(name: string, extra: Partial<Entity['metadata']> = {}) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', ...extra },
    spec: { type: 'service', lifecycle: 'production' },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/platform-team' },
      { type: 'partOf', targetRef: 'system:default/oss-lakehouse' },
    ],
  } as Entity;
}

const componentFilters = {
  kind: new EntityKindFilter('component', 'Component'),
  user: EntityUserFilter.all(),
};

/** The list's context: no entities at first, as while the page loads. */
function EntityList(props: {
  entities: Entity[];
  filters?: Partial<typeof componentFilters>;
}) {
  const [entities, setEntities] = useState<Entity[]>([]);
  useEffect(() => setEntities(props.entities), [props.entities]);
  return (
    <MockEntityListContextProvider
      value={{
        entities,
        totalItems: entities.length,
        filters: props.filters ?? componentFilters,
      }}
    >
      {/* Catalog translations load lazily, suspending the first render. */}
      <Suspense fallback={null}>
        <CatalogIndexTable />
      </Suspense>
    </MockEntityListContextProvider>
  );
}

async function renderTable(
  entities: Entity[],
  filters?: Partial<typeof componentFilters>,
) {
  await renderInTestApp(<EntityList entities={entities} filters={filters} />, {
    apis: [[starredEntitiesApiRef, new MockStarredEntitiesApi()]],
    // Entity links resolve the entity page's route.
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

const rowNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('link')[0].textContent);

describe('CatalogIndexTable', () => {
  it('titles the list with the choice and count, sorted by title, with the kind’s columns', async () => {
    await renderTable([
      component('trino', { title: 'Trino', description: 'SQL engine' }),
      component('nessie', { title: 'Nessie', tags: ['iceberg', 'git'] }),
    ]);
    expect(await screen.findByText('All Components (2)')).toBeInTheDocument();
    expect(rowNames()).toEqual(['Nessie', 'Trino']);
    for (const header of ['Name', 'System', 'Owner', 'Type', 'Lifecycle']) {
      expect(
        screen.getByRole('columnheader', { name: new RegExp(header) }),
      ).toBeInTheDocument();
    }
    expect(screen.getByText('iceberg, git')).toBeInTheDocument();
    expect(screen.getByText('SQL engine')).toBeInTheDocument();
  });

  it('filters the rows by every word typed, in any column', async () => {
    await renderTable([
      component('trino', { tags: ['sql'] }),
      component('nessie'),
      component('minio'),
    ]);
    const filter = await screen.findByRole('searchbox', { name: 'Filter' });
    fireEvent.change(filter, { target: { value: 'SQL trino' } });
    await waitFor(() => expect(rowNames()).toEqual(['trino']));
    expect(screen.getByText('All Components (1 of 3)')).toBeInTheDocument();
    fireEvent.change(filter, { target: { value: 'platform-team' } });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
  });

  it('loads, not "no match", until a picker has set a filter', async () => {
    // Before the pickers set any filter, the provider reports an empty,
    // settled list without having fetched anything.
    await renderTable([], {});
    expect(await screen.findByText('All')).toBeInTheDocument();
    expect(screen.queryByText(/No entities match/)).toBeNull();
    expect(screen.queryByText(/\(0\)/)).toBeNull();
  });

  it('says so when the filters match nothing', async () => {
    await renderTable([]);
    expect(
      await screen.findByText('No entities match these filters.'),
    ).toBeInTheDocument();
    expect(screen.getByText('All Components (0)')).toBeInTheDocument();
  });

  it('pages by 20 once there are more rows, after they arrive', async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      component(`c${String(i).padStart(2, '0')}`),
    );
    await renderTable(many);
    expect(
      await screen.findByText('All Components (25)', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(rowNames()).toHaveLength(20);
    fireEvent.click(screen.getByRole('button', { name: /next/i }));
    await waitFor(
      () => expect(rowNames()).toEqual(['c20', 'c21', 'c22', 'c23', 'c24']),
      { timeout: 10_000 },
    );
    // 25 rows of links render slowly on a busy 2-core machine.
  }, 30_000);

  it('leaves out a column empty in every row', async () => {
    await renderTable([component('trino'), component('nessie')]);
    expect(await screen.findByText('All Components (2)')).toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', { name: /Lifecycle/ }),
    ).toBeInTheDocument();
    for (const empty of ['Description', 'Tags']) {
      expect(
        screen.queryByRole('columnheader', { name: new RegExp(empty) }),
      ).toBeNull();
    }
  });

  it('titles a list of APIs with its acronym kept', async () => {
    await renderTable([{ ...component('ingest'), kind: 'API' }]);
    expect(await screen.findByText('All APIs (1)')).toBeInTheDocument();
  });

  it('stars a row', async () => {
    await renderTable([component('trino')]);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Add to favorites' }),
    );
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Remove from favorites' }),
      ).toBeInTheDocument(),
    );
  });
});
