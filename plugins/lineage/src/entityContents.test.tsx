import type { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen, within } from '@testing-library/react';
import { DBT_JOBS, DBT_NS, GOLD } from './__testUtils__/fixtures';
import { setupLineageServer } from './__testUtils__/lineageServer';
import { renderLineage } from './__testUtils__/renderLineage';
import { EntityLineageContent } from './components/entity/EntityLineageContent';
import { lineageEntityContent } from './entityContents';

jest.setTimeout(30_000);

const ANNOTATION = 'scout.io/lakehouse-table';

function entity(kind: string, type: string, annotations = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'gold-gold-daily-store-sales', annotations },
    spec: { type, owner: 'group:default/data-engineering' },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/data-engineering' },
    ],
  };
}

const table = (value: string) =>
  entity('Resource', 'iceberg-table', { [ANNOTATION]: value });

function renderTab(e: Entity) {
  return renderLineage(
    <EntityProvider entity={e}>
      <EntityLineageContent />
    </EntityProvider>,
    {
      mountPath: '/catalog/*',
      at: '/catalog/default/resource/x/lineage',
      entities: [e],
    },
  );
}

describe('the Lineage entity tab', () => {
  setupLineageServer();

  it('is offered on tables and pipeline components only', () => {
    const tester = createExtensionTester(lineageEntityContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    if (!filter) throw new Error('the tab has no entity filter');

    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Lineage');
    expect(filter(table('iceberg/gold/x'))).toBe(true);
    expect(filter(entity('Component', 'data-pipeline'))).toBe(true);
    expect(filter(entity('Component', 'edge-function'))).toBe(true);
    expect(filter(entity('Component', 'service'))).toBe(false);
    expect(filter(entity('Resource', 'database'))).toBe(false);
  });

  it("shows a table's graph with its owner from the catalog", async () => {
    renderTab(table('iceberg/gold/gold_daily_store_sales'));

    const view = await screen.findByRole(
      'group',
      { name: 'Lineage graph' },
      { timeout: 10_000 },
    );
    expect(
      within(view).getByRole('button', { name: `Dataset ${GOLD}` }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      await screen.findByRole('link', { name: 'data-engineering' }),
    ).toBeVisible();
  });

  it('says when a table has no lineage yet, with a way on', async () => {
    renderTab(table('iceberg/gold/gold_new'));

    expect(
      await screen.findByText(
        "No lineage recorded yet for iceberg.gold.gold_new: it appears after the pipeline's first run.",
      ),
    ).toBeVisible();
    expect(
      screen.getByRole('link', { name: 'Browse the lineage that is recorded' }),
    ).toHaveAttribute('href', '/lineage');
  });

  it("shows the dbt project's graph: the jobs its prefix annotation names", async () => {
    const dbt = entity('Component', 'data-pipeline', {
      'scout.io/lineage-job-prefix': 'model.scout.',
    });
    dbt.metadata.name = 'dbt';
    renderTab(dbt);

    const view = await screen.findByRole(
      'group',
      { name: 'Lineage graph' },
      { timeout: 10_000 },
    );
    for (const name of DBT_JOBS) {
      expect(
        within(view).getByRole('button', { name: `Job ${name}` }),
      ).toBeVisible();
    }
    expect(
      within(view).getByRole('button', {
        name: 'Dataset lakehouse.gold.gold_daily_store_sales',
      }),
    ).toBeVisible();
    expect(
      screen.getByText(`2 jobs named model.scout.… in ${DBT_NS}`),
    ).toBeVisible();
  });

  it("shows an edge function's job, named after it", async () => {
    const fn = entity('Component', 'edge-function');
    fn.metadata.name = 'ingest-transaction';
    renderTab(fn);

    const view = await screen.findByRole(
      'group',
      { name: 'Lineage graph' },
      { timeout: 10_000 },
    );
    expect(
      within(view).getByRole('button', { name: 'Job ingest-transaction' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByText(
        '1 job named ingest-transaction in scout://edge-functions',
      ),
    ).toBeVisible();
  });

  it('says when no job is named after a component', async () => {
    renderTab(entity('Component', 'edge-function'));

    expect(
      await screen.findByText(
        'No lineage job of gold-gold-daily-store-sales recorded yet.',
      ),
    ).toBeVisible();
    expect(screen.getByText(/scout.io\/lineage-job-prefix/)).toBeVisible();
    expect(
      screen.getByRole('link', { name: 'Open the Lineage page' }),
    ).toHaveAttribute('href', '/lineage');
  });
});
