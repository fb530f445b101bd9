import type {
  IdentityProviders,
  SignInProviderConfig,
} from '@backstage/core-components';
import type { ConfigApi } from '@backstage/frontend-plugin-api';
import { oidcAuthApiRef } from './oidcAuthApi';

export const keycloakProvider: SignInProviderConfig = {
  id: 'oidc-auth-provider',
  title: 'Keycloak',
  message: 'Sign in with your Scout account',
  apiRef: oidcAuthApiRef,
};

/**
 * What the sign-in page offers: Keycloak when auth.providers.oidc is
 * configured, and guest when auth.providers.guest is and the auth
 * environment is development, the only place the guest provider lets
 * anyone in. (packages/app/config.d.ts shows both keys to the frontend.)
 */
export function signInProviders(config: ConfigApi): IdentityProviders {
  const environment =
    config.getOptionalString('auth.environment') ?? 'development';
  const providers: IdentityProviders = [];
  if (config.has('auth.providers.oidc')) providers.push(keycloakProvider);
  if (config.has('auth.providers.guest') && environment === 'development') {
    providers.push('guest');
  }
  return providers;
}
