import { SignInPage } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import { signInProviders } from './signInProviders';

export function ScoutSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  return (
    <SignInPage {...props} align="center" providers={signInProviders(config)} />
  );
}
