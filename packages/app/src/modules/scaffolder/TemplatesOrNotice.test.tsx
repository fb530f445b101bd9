import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { TemplatesOrNotice } from './TemplatesOrNotice';

const template = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'data-pipeline' },
  spec: {},
};
const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'dbt' },
  spec: {},
};

function renderWith(entities: object[]) {
  return renderInTestApp(
    <TemplatesOrNotice>
      <p>the template list</p>
    </TemplatesOrNotice>,
    { apis: [[catalogApiRef, catalogApiMock({ entities: entities as any })]] },
  );
}

describe('TemplatesOrNotice', () => {
  it('explains the empty Create page and links to registration', async () => {
    await renderWith([component]);
    expect(
      await screen.findByText('No software templates yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Register an existing component' }),
    ).toHaveAttribute('href', '/catalog-import');
    expect(screen.queryByText('the template list')).toBeNull();
  });

  it('shows the template list once the catalog has a template', async () => {
    await renderWith([component, template]);
    expect(await screen.findByText('the template list')).toBeInTheDocument();
    expect(screen.queryByText('No software templates yet')).toBeNull();
  });
});
