import type { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { BASE_URL } from './__testUtils__/fixtures';
import { renderSlo } from './__testUtils__/renderSlo';
import { errorResponse, setupSloServer } from './__testUtils__/sloServer';
import { EntitySloCard } from './components/entity/EntitySloCard';
import { EntitySloContent } from './components/entity/EntitySloContent';
import { sloEntityCard } from './entityCards';
import { sloEntityContent } from './entityContents';

jest.setTimeout(30_000);

function component(name: string, slos?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: slos ? { 'scout.io/slos': slos } : {},
    },
    spec: { type: 'edge-function', owner: 'data-engineering' },
  };
}

const ingest = component(
  'ingest-transaction',
  'ingest-transaction-availability, ingest-transaction-latency',
);

function renderInEntity(element: JSX.Element, entity: Entity) {
  return renderSlo(<EntityProvider entity={entity}>{element}</EntityProvider>, {
    mountPath: '/catalog/*',
    at: `/catalog/default/component/${entity.metadata.name}/slos`,
  });
}

describe('the SLOs tab and card', () => {
  const server = setupSloServer();

  it('are offered only on entities with the scout.io/slos annotation', () => {
    const tab = createExtensionTester(sloEntityContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    const card = createExtensionTester(sloEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    for (const filter of [tab, card]) {
      if (!filter) throw new Error('no entity filter');
      expect(filter(ingest)).toBe(true);
      expect(filter(component('ingest-doc', 'ingest-doc-latency'))).toBe(true);
      expect(filter(component('scout-cli'))).toBe(false);
    }
    expect(
      createExtensionTester(sloEntityContent).get(
        EntityContentBlueprint.dataRefs.title,
      ),
    ).toBe('SLOs');
  });

  it("the tab shows each of the entity's SLOs in full, worst budget first", async () => {
    await renderInEntity(<EntitySloContent />, ingest);

    const list = await screen.findByRole('list', {
      name: 'SLOs of ingest-transaction',
    });
    const headings = within(list)
      .getAllByRole('heading', { level: 3 })
      .map(h => h.textContent);
    expect(headings).toEqual([
      'ingest-transaction availability',
      'ingest-transaction latency',
    ]);
    const availability = screen.getByRole('article', {
      name: 'ingest-transaction availability',
    });
    expect(within(availability).getByText('12 % left')).toBeInTheDocument();
    expect(
      await within(availability).findByRole('figure', {
        name: /^Error budget left over 30 days/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Every SLO of the platform' }),
    ).toHaveAttribute('href', '/slo');
  });

  it('the tab names annotation ids that no spec defines', async () => {
    await renderInEntity(
      <EntitySloContent />,
      component(
        'ingest-transaction',
        'ingest-transaction-availability,typo-id',
      ),
    );

    expect(
      await screen.findByText(
        'scout.io/slos names typo-id, which no SLO spec defines',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('article', { name: 'ingest-transaction availability' }),
    ).toBeInTheDocument();
  });

  it('the tab says what to do when no SLO covers the entity', async () => {
    await renderInEntity(
      <EntitySloContent />,
      component('ingest-doc', 'ingest-doc-latency'),
    );

    expect(
      await screen.findByText('No SLO covers ingest-doc yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/here component:default\/ingest-doc/),
    ).toBeInTheDocument();
  });

  it('the tab says what failed', async () => {
    server.use(
      http.get(`${BASE_URL}/slos`, () =>
        errorResponse(500, 'Error', 'database is locked'),
      ),
    );
    await renderInEntity(<EntitySloContent />, ingest);

    expect(
      await screen.findByText(
        'The SLOs of ingest-transaction: the slo service failed',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('database is locked')).toBeInTheDocument();
  });

  it('the card lists status, budget and burn, and links to the tab', async () => {
    await renderInEntity(<EntitySloCard />, ingest);

    const list = await screen.findByRole('list', {
      name: 'SLOs of ingest-transaction',
    });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('burning')).toBeInTheDocument();
    expect(
      within(rows[0]).getByText('Budget 12 % left · burn 1 h 15.2×'),
    ).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('Budget no data yet · burn 1 h —'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'Details of the SLOs of ingest-transaction',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/ingest-transaction/slos',
    );
  });
});
