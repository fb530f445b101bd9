import type {
  AuditorService,
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { createOpenApiRouter } from './schema/openapi';
import type { SupersetDashboards } from './services/SupersetDashboards';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  auditor: AuditorService;
  dashboards: SupersetDashboards;
};

/**
 * The API of src/schema/openapi.yaml. Signed-in users and plugins list the
 * dashboards; only users get guest tokens, each for themselves, with the
 * row-level security of their own groups, and each issue is audited.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, userInfo, auditor, dashboards } = options;
  const api = await createOpenApiRouter();

  api.get('/dashboards', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(await dashboards.list());
  });

  api.post('/dashboards/:slug/guest-token', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { slug } = req.params;
    const event = await auditor.createEvent({
      eventId: 'guest-token',
      severityLevel: 'medium',
      request: req,
      meta: { dashboard: slug },
    });
    try {
      const caller = await userInfo.getUserInfo(credentials);
      const token = await dashboards.guestToken(slug, caller);
      await event.success({ meta: { expiresAt: token.expiresAt } });
      res.json(token);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return api;
}
