import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { ScoutNotFoundPage } from './ScoutNotFoundPage';

describe('ScoutNotFoundPage', () => {
  it('names the missing path and links back into the app', async () => {
    await renderInTestApp(<ScoutNotFoundPage />, {
      initialRouteEntries: ['/nope/deeper'],
    });
    expect(
      screen.getByRole('heading', { name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByText('/nope/deeper')).toBeInTheDocument();
    expect(
      screen.getAllByRole('link').map(link => link.getAttribute('href')),
    ).toEqual(['/', '/catalog', '/search']);
  });
});
