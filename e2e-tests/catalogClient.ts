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

/**
 * Takes back what a test registered: the location that holds `entityRef`
 * and every entity it brought (deleting a location alone would leave them
 * as orphans), so later tests count the platform's catalog only.
 */
export async function unregister(
  request: APIRequestContext,
  token: string,
  entityRef: string,
) {
  const headers = { Authorization: `Bearer ${token}` };
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  const path = `${kind}/${namespace}/${name}`;
  const entity = await request.get(`/api/catalog/entities/by-name/${path}`, {
    headers,
  });
  expect(entity.ok(), `${entityRef} is not in the catalog`).toBe(true);
  const location = (await entity.json()).metadata.annotations[
    'backstage.io/managed-by-location'
  ];
  const held = await request.get(`/api/catalog/locations/by-entity/${path}`, {
    headers,
  });
  if (held.ok()) {
    const { id } = await held.json();
    const removed = await request.delete(`/api/catalog/locations/${id}`, {
      headers,
    });
    expect(removed.ok(), `location ${id}: ${removed.status()}`).toBe(true);
  }
  const siblings: { metadata: { uid: string } }[] = await (
    await request.get('/api/catalog/entities', {
      headers,
      params: {
        filter: `metadata.annotations.backstage.io/managed-by-location=${location}`,
      },
    })
  ).json();
  for (const sibling of siblings) {
    const removed = await request.delete(
      `/api/catalog/entities/by-uid/${sibling.metadata.uid}`,
      { headers },
    );
    expect(removed.ok(), `entity ${sibling.metadata.uid}`).toBe(true);
  }
}
