export interface Config {
  auth?: {
    providers?: {
      /**
       * Guest sign-in (auth-backend-module-guest-provider). Only its presence
       * reaches the frontend: the sign-in page offers guest when it is set.
       * @visibility frontend
       */
      guest?: object;
      /**
       * Sign-in through an OIDC provider (Keycloak), per auth environment.
       * Only its presence reaches the frontend: the sign-in page offers
       * Keycloak when it is set.
       * @visibility frontend
       */
      oidc?: object;
    };
  };
}
