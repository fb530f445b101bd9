import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { oidcAuthApi } from './oidcAuthApi';
import { ScoutSignInPage } from './ScoutSignInPage';

// The real OIDC auth API (its ApiBlueprint) that the Keycloak card uses.
const oidcApiModule = createFrontendModule({
  pluginId: 'app',
  extensions: [oidcAuthApi],
});

const oidc = { development: { clientId: 'scout-portal' } };

function renderWith(auth: object) {
  return renderInTestApp(<ScoutSignInPage onSignInSuccess={jest.fn()} />, {
    config: {
      app: { title: 'Scout Portal' },
      backend: { baseUrl: 'http://localhost:7007' },
      auth,
    },
    features: [oidcApiModule],
  });
}

describe('ScoutSignInPage', () => {
  it('offers Keycloak and guest in the development auth environment', async () => {
    await renderWith({ providers: { oidc, guest: {} } });
    expect(await screen.findByText('Keycloak')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign In' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeEnabled();
  });

  it('offers Keycloak only in production, where guest sign-in is refused', async () => {
    await renderWith({
      environment: 'production',
      providers: { oidc: { production: {} }, guest: {} },
    });
    expect(await screen.findByText('Keycloak')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enter' })).toBeNull();
  });

  it('offers guest alone when no OIDC provider is configured', async () => {
    await renderWith({ providers: { guest: {} } });
    expect(
      await screen.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Keycloak')).toBeNull();
  });
});
