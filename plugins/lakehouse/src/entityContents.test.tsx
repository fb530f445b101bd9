import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { LAKEHOUSE_TABLE_ANNOTATION } from '@internal/backstage-plugin-lakehouse-common';
import { screen } from '@testing-library/react';
import { setupLakehouseServer } from './__testUtils__/lakehouseServer';
import { renderLakehouse } from './__testUtils__/renderLakehouse';
import { EntityLakehouseContent } from './components/EntityLakehouseContent';
import { lakehouseEntityContent } from './entityContents';

// Whole-app renders with react-aria tables are slow on a busy CI machine.
jest.setTimeout(30_000);

function resource(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'gold-gold-daily-store-sales', annotations },
    spec: { type: 'lakehouse-table', owner: 'group:default/data-platform' },
  };
}

const annotated = resource({
  [LAKEHOUSE_TABLE_ANNOTATION]: 'iceberg/gold/gold_daily_store_sales',
});

describe('the Lakehouse entity tab', () => {
  setupLakehouseServer();

  it('is offered on entities with the table annotation and not on others', () => {
    const tester = createExtensionTester(lakehouseEntityContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    if (!filter) throw new Error('the tab has no entity filter');

    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Lakehouse');
    expect(filter(annotated)).toBe(true);
    expect(filter(resource({}))).toBe(false);
    expect(filter(resource({ 'backstage.io/techdocs-ref': 'dir:.' }))).toBe(
      false,
    );
  });

  it('renders the table views for the annotated table', async () => {
    renderLakehouse(
      <EntityProvider entity={annotated}>
        <EntityLakehouseContent />
      </EntityProvider>,
      {
        mountPath: '/catalog/*',
        at: '/catalog/default/resource/gold-gold-daily-store-sales/lakehouse',
      },
    );

    expect(
      await screen.findByText('Revenue and transactions per store and day.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Schema' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open in Lakehouse' }),
    ).toHaveAttribute('href', '/lakehouse/iceberg/gold/gold_daily_store_sales');
  });

  it('explains an annotation that does not name a table', async () => {
    renderLakehouse(
      <EntityProvider
        entity={resource({
          [LAKEHOUSE_TABLE_ANNOTATION]: 'gold_daily_store_sales',
        })}
      >
        <EntityLakehouseContent />
      </EntityProvider>,
      { mountPath: '/catalog/*', at: '/catalog/default/resource/x/lakehouse' },
    );

    expect(
      await screen.findByText('This entity does not name a lakehouse table'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/<catalog>\/<namespace>\/<table>/),
    ).toBeInTheDocument();
  });
});
