import { APIRequestContext, expect } from '@playwright/test';

export type Entity = {
  kind: string;
  metadata: {
    name: string;
    description?: string;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
  relations?: { type: string; targetRef: string }[];
  status?: { items?: { type: string; level: string; message: string }[] };
};

/** Signs in as the guest user, as the portal's sign-in page does. */
export async function guestToken(request: APIRequestContext): Promise<string> {
  const res = await request.get('/api/auth/guest/refresh?env=development', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(res.ok(), `guest sign-in failed: ${res.status()}`).toBe(true);
  const body = await res.json();
  return body.backstageIdentity.token;
}

export async function listEntities(
  request: APIRequestContext,
  token: string,
): Promise<Entity[]> {
  const res = await request.get('/api/catalog/entities', {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.ok(), `catalog query failed: ${res.status()}`).toBe(true);
  return res.json();
}

export const refOf = (e: Entity) =>
  `${e.kind.toLocaleLowerCase('en-US')}:default/${e.metadata.name}`;
