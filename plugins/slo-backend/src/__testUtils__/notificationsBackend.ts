import type { BackendFeature } from '@backstage/backend-plugin-api';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import type { Server } from 'node:http';
import request from 'supertest';

/** The SLO specs' owner of ingest-transaction and of gold freshness. */
export const OWNER = 'group:default/data-engineering';
/** A member of OWNER: the notifications backend reaches the group through her. */
export const MEMBER = 'user:default/ada';

/**
 * The directory the notifications backend expands a group with: the owning
 * group, a member, and a user of another group. Relations are written out
 * as the catalog's processors would emit them; the in-memory catalog is a
 * stand-in for the catalog only, which is not under test here.
 */
const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'data-engineering', namespace: 'default' },
    spec: { type: 'team', children: [], members: ['ada'] },
    relations: [{ type: 'hasMember', targetRef: MEMBER }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ada', namespace: 'default' },
    spec: { memberOf: ['data-engineering'] },
    relations: [{ type: 'memberOf', targetRef: OWNER }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'analysts', namespace: 'default' },
    spec: { type: 'team', children: [], members: ['bob'] },
    relations: [{ type: 'hasMember', targetRef: 'user:default/bob' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'bob', namespace: 'default' },
    spec: { memberOf: ['analysts'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/analysts' }],
  },
];

/**
 * The real notifications backend (its database store and HTTP API; the
 * default `notificationService` client sends to it with a plugin token) and
 * the real auth backend, whose guest provider signs MEMBER in so the test
 * reads her notifications with a real user token, as the portal's frontend
 * does.
 */
export function notificationsBackend(): {
  features: BackendFeature[];
  config: Record<string, unknown>;
  signIn: (server: Server) => Promise<string>;
} {
  return {
    features: [
      notificationsPlugin,
      authPlugin,
      guestProvider,
      catalogServiceMock.factory({ entities }),
    ],
    config: {
      app: { baseUrl: 'http://localhost:3000' },
      auth: {
        providers: {
          guest: {
            userEntityRef: MEMBER,
            dangerouslyAllowOutsideDevelopment: true,
          },
        },
      },
    },
    signIn: async server => {
      const res = await request(server)
        .get('/api/auth/guest/refresh')
        .set('x-requested-with', 'XMLHttpRequest');
      const token = res.body?.backstageIdentity?.token;
      if (res.status !== 200 || typeof token !== 'string') {
        throw new Error(
          `guest sign-in failed: ${res.status} ${JSON.stringify(res.body)}`,
        );
      }
      return token;
    },
  };
}

/** One stored notification, as GET /api/notifications/notifications returns it. */
export type StoredNotification = {
  id: string;
  user: string | null;
  origin: string;
  payload: {
    title: string;
    description?: string;
    link?: string;
    severity?: string;
    topic?: string;
    scope?: string;
  };
};

/** A user's notifications on `topic`, read through the notifications API. */
export async function readNotifications(
  server: Server,
  userToken: string,
  topic: string,
): Promise<StoredNotification[]> {
  const res = await request(server)
    .get('/api/notifications/notifications')
    .query({ topic })
    .set('authorization', `Bearer ${userToken}`);
  if (res.status !== 200) {
    throw new Error(
      `reading notifications: ${res.status} ${JSON.stringify(res.body)}`,
    );
  }
  return res.body.notifications;
}
