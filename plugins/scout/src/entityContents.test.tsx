import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { SCOUT_PIPELINE_ANNOTATION } from '@internal/backstage-plugin-scout-client';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderScout } from './__testUtils__/renderScout';
import { RUNS_URL, setupScoutServer } from './__testUtils__/scoutServer';
import { EntityPipelineContent } from './components/EntityPipelineContent';
import { pipelineEntityContent } from './entityContents';

// Whole-app renders with react-aria tables are slow on a busy CI machine.
jest.setTimeout(30_000);

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'dbt', annotations },
    spec: { type: 'service', owner: 'group:default/data-platform' },
  };
}

const dbt = component({ [SCOUT_PIPELINE_ANNOTATION]: 'lakehouse' });

function renderTab() {
  return renderScout(
    <EntityProvider entity={dbt}>
      <EntityPipelineContent />
    </EntityProvider>,
    {
      mountPath: '/catalog/*',
      at: '/catalog/default/component/dbt/pipeline',
    },
  );
}

describe('the Pipeline entity tab', () => {
  const server = setupScoutServer();

  it('is offered on entities with the pipeline annotation and not on others', () => {
    const tester = createExtensionTester(pipelineEntityContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    if (!filter) throw new Error('the tab has no entity filter');

    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Pipeline');
    expect(filter(dbt)).toBe(true);
    expect(filter(component({}))).toBe(false);
    expect(filter(component({ 'backstage.io/techdocs-ref': 'dir:.' }))).toBe(
      false,
    );
  });

  it('shows the latest run, the recent runs and links to the Pipeline page', async () => {
    await renderTab();

    expect(
      await screen.findByRole('link', { name: '20261130-110000-cd34' }),
    ).toHaveAttribute('href', '/pipeline/runs/20261130-110000-cd34');
    expect(screen.getByText('Nessie branch')).toBeInTheDocument();
    expect(screen.getByText('run-20261130-110000-cd34')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open the Pipeline page' }),
    ).toHaveAttribute('href', '/pipeline');
    expect(
      await screen.findByRole(
        'link',
        { name: '20261130-100000-ef56' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });

  it('says when there are no runs yet', async () => {
    server.use(http.get(RUNS_URL, () => HttpResponse.json({ runs: [] })));
    await renderTab();
    expect(
      await screen.findByText(/^No runs yet: the scheduler/),
    ).toBeInTheDocument();
  });
});
