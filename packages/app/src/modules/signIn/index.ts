import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidcAuthApi';

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => (await import('./ScoutSignInPage')).ScoutSignInPage,
  },
});

/** The sign-in page (Keycloak, and guest in development) and the OIDC auth API. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [oidcAuthApi, signInPage],
});

export { oidcAuthApiRef } from './oidcAuthApi';
