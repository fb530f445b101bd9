import { BackstageUserPrincipal } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';

/** People of catalog/org.yaml, one per team the tests need, and a newcomer in none. */
export const PEOPLE = {
  platform: { ref: 'user:default/maria.santos', group: 'platform-team' },
  dataEngineering: { ref: 'user:default/ana.cruz', group: 'data-engineering' },
  analytics: { ref: 'user:default/liza.garcia', group: 'analytics' },
  newcomer: { ref: 'user:default/newcomer', group: undefined },
} as const;

export type Person = (typeof PEOPLE)[keyof typeof PEOPLE];

/** What the catalog sign-in puts in a token: the user and their groups. */
export const ownershipOf = (userEntityRef: string) => {
  const person = Object.values(PEOPLE).find(p => p.ref === userEntityRef);
  return [
    userEntityRef,
    ...(person?.group ? [`group:default/${person.group}`] : []),
  ];
};

/** A userInfo service that answers from PEOPLE, as the catalog sign-in would. */
export const peopleUserInfo = () =>
  mockServices.userInfo.mock({
    async getUserInfo(credentials) {
      const principal = credentials.principal as BackstageUserPrincipal;
      if (principal.type !== 'user') {
        throw new Error('Only user credentials are supported');
      }
      const { userEntityRef } = principal;
      return { userEntityRef, ownershipEntityRefs: ownershipOf(userEntityRef) };
    },
  });

/** The policy's view of a signed-in person. */
export const policyUser = (person: Person): PolicyQueryUser => ({
  credentials: mockCredentials.user(person.ref),
  info: {
    userEntityRef: person.ref,
    ownershipEntityRefs: ownershipOf(person.ref),
  },
});
