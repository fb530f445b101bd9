import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { GettingStarted } from './GettingStarted';

describe('GettingStarted', () => {
  it('links to where things are, inside the app', async () => {
    await renderInTestApp(<GettingStarted />);
    const links = screen.getAllByRole('link');
    expect(links.map(link => link.getAttribute('href'))).toEqual([
      '/catalog',
      '/lakehouse',
      '/pipeline',
      '/docs',
      '/api-docs',
    ]);
  });
});
