import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import type { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createPublishGiteaAction } from '@backstage/plugin-scaffolder-backend-module-gitea';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { loadRepositoryConfig } from '@internal/backstage-plugin-scout-node';
import { randomBytes } from 'node:crypto';

// Backstage's own publish:gitea and Gitea URL reader, configured by the
// checkout's app-config (integrations.gitea), against the local stack's
// Gitea (`./scripts/yarn scout stack up gitea`; CI starts it): what a
// template's publish step does, then the read catalog:register does.

jest.setTimeout(60_000);

const ENTITY = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: gitea-publish-test
spec:
  type: service
  lifecycle: experimental
  owner: group:default/platform
`;
const OWNER = 'scout';
// Unique per run; deleted again at the end.
const REPO = `publish-test-${randomBytes(4).toString('hex')}`;

const appConfig = loadRepositoryConfig();
const gitea = appConfig.then(c => {
  const entry = c.getConfigArray('integrations.gitea')[0];
  return {
    host: entry.getString('host'),
    baseUrl: entry.getString('baseUrl'),
    auth: `Basic ${Buffer.from(
      `${entry.getString('username')}:${entry.getString('password')}`,
    ).toString('base64')}`,
  };
});
const giteaUp = gitea
  .then(({ baseUrl }) => fetch(`${baseUrl}/api/v1/version`))
  .then(r => r.ok)
  .catch(() => false);

/** Gitea's REST API as the integration's user. */
async function api(path: string, method = 'GET') {
  const { baseUrl, auth } = await gitea;
  return fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: auth },
  });
}

const workspace = createMockDirectory({
  content: { 'catalog-info.yaml': ENTITY, 'README.md': '# test\n' },
});

/** Runs the real publish:gitea on the workspace; its outputs. */
async function publish(config: Config) {
  const action = createPublishGiteaAction({
    integrations: ScmIntegrations.fromConfig(config),
    config,
  });
  const ctx = createMockActionContext({
    input: {
      repoUrl: `${(await gitea).host}?owner=${OWNER}&repo=${REPO}`,
      description: 'published by packages/backend/src/gitea.test.ts',
    },
    workspacePath: workspace.path,
  });
  await action.handler(ctx);
  return Object.fromEntries((ctx.output as jest.Mock).mock.calls) as {
    remoteUrl: string;
    repoContentsUrl: string;
    commitHash: string;
  };
}

describe('publish:gitea and the Gitea URL reader on the stack Gitea', () => {
  let config: Config | undefined;
  let published: Awaited<ReturnType<typeof publish>> | undefined;

  beforeAll(async () => {
    if (!(await giteaUp)) {
      const reason = `no Gitea answers at ${
        (await gitea).baseUrl
      }; start it with ./scripts/yarn scout stack up gitea`;
      if (process.env.CI) throw new Error(reason);
      // eslint-disable-next-line no-console
      console.warn(`Skipping the Gitea publish tests: ${reason}`);
      return;
    }
    config = await appConfig;
    published = await publish(config);
  });

  afterAll(async () => {
    if (published) await api(`/repos/${OWNER}/${REPO}`, 'DELETE');
  });

  /** Runs `fn` when Gitea is up (otherwise beforeAll said why not). */
  const onGitea =
    (fn: (c: Config, p: NonNullable<typeof published>) => Promise<void>) =>
    async () => {
      if (config && published) await fn(config, published);
    };

  it(
    'publishes the workspace as the first commit of main, in the scout organization',
    onGitea(async (_, { remoteUrl, repoContentsUrl, commitHash }) => {
      const { baseUrl } = await gitea;
      expect(remoteUrl).toBe(`${baseUrl}/${OWNER}/${REPO}.git`);
      expect(repoContentsUrl).toBe(
        `${baseUrl}/${OWNER}/${REPO}/src/branch/main/`,
      );
      const repo = await (await api(`/repos/${OWNER}/${REPO}`)).json();
      expect(repo).toMatchObject({
        owner: { login: OWNER },
        empty: false,
        default_branch: 'main',
        private: false,
      });
      const main = await (
        await api(`/repos/${OWNER}/${REPO}/branches/main`)
      ).json();
      expect(main.commit.id).toBe(commitHash);
    }),
  );

  it(
    'reads catalog-info.yaml back through the URL reader, as catalog:register does',
    onGitea(async (c, { repoContentsUrl }) => {
      const reader = UrlReaders.default({
        config: c,
        logger: mockServices.logger.mock(),
      });
      const read = async (url: string) =>
        (await (await reader.readUrl(url)).buffer()).toString('utf8');
      expect(await read(`${repoContentsUrl}/catalog-info.yaml`)).toBe(ENTITY);

      // catalog:register resolves catalogInfoPath against repoContentsUrl.
      // Its default, '/catalog-info.yaml', drops the branch from a Gitea
      // URL (git-url-parse does not know /src/branch/<ref>/); a relative
      // path keeps it, so templates pass catalogInfoPath: catalog-info.yaml.
      const integrations = ScmIntegrations.fromConfig(c);
      const resolve = (path: string) =>
        integrations.resolveUrl({ base: repoContentsUrl, url: path });
      expect(await read(resolve('catalog-info.yaml'))).toBe(ENTITY);
      expect(resolve('/catalog-info.yaml')).toBe(
        `${
          (await gitea).baseUrl
        }/${OWNER}/${REPO}/src/branch/catalog-info.yaml`,
      );

      await expect(read(`${repoContentsUrl}missing.yaml`)).rejects.toThrow(
        expect.objectContaining({ name: 'NotFoundError' }),
      );
    }),
  );

  it(
    'refuses a repository name that already exists, and leaves it as it was',
    onGitea(async (c, { commitHash }) => {
      await expect(publish(c)).rejects.toThrow(
        /Unable to create repository, 409 Conflict.*already exists/,
      );
      const main = await (
        await api(`/repos/${OWNER}/${REPO}/branches/main`)
      ).json();
      expect(main.commit.id).toBe(commitHash);
    }),
  );
});
