import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';

type Server = Parameters<typeof request>[0];

/**
 * Waits until the plugin's background promotion has taken every bronze row
 * (`pending` in /api/scout/stats is 0) and returns those stats. Throws after
 * `timeoutMs` with the last stats seen.
 */
export async function waitForPromotion(server: Server, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(server)
      .get('/api/scout/stats')
      .set('authorization', mockCredentials.user.header());
    if (res.status === 200 && res.body.pending === 0) return res.body;
    if (Date.now() > deadline) {
      throw new Error(
        `promotion did not catch up in ${timeoutMs} ms: ${JSON.stringify(
          res.body,
        )}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
