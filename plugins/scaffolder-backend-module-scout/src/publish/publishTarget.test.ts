import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublishTargetAction, type PublishMode } from './publishTarget';

// A stand-in that answers Gitea's version route: this tests our choice, not
// Gitea (packages/backend's gitea test publishes to the real one).
let server: Server;
let answering: string;
const closed = 'http://127.0.0.1:9'; // discard port: nothing listens

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(req.url === '/api/v1/version' ? 200 : 404);
    res.end('{"version":"1.26.0"}');
  });
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  answering = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise(done => server.close(done)));

async function choose(options: {
  baseUrl?: string;
  mode?: PublishMode;
  dryRun?: boolean;
  repo?: string;
}) {
  const config = new ConfigReader({
    integrations: options.baseUrl
      ? {
          gitea: [
            { host: new URL(options.baseUrl).host, baseUrl: options.baseUrl },
          ],
        }
      : {},
  });
  const action = createPublishTargetAction({
    integrations: ScmIntegrations.fromConfig(config),
    owner: 'scout',
    mode: options.mode ?? 'auto',
  });
  const logger = mockServices.logger.mock();
  const ctx = createMockActionContext({
    input: { repo: options.repo ?? 'pos-returns' },
    logger,
  });
  await action.handler({ ...ctx, isDryRun: options.dryRun ?? false });
  return {
    outputs: Object.fromEntries((ctx.output as jest.Mock).mock.calls),
    ctx,
  };
}

describe('scout:publish:target', () => {
  it('publishes locally when no Gitea is configured', async () => {
    expect((await choose({})).outputs).toEqual({ gitea: false });
  });

  it("gives publish:gitea's repoUrl when Gitea answers", async () => {
    const { outputs } = await choose({ baseUrl: answering });
    expect(outputs).toEqual({
      gitea: true,
      repoUrl: `${new URL(answering).host}?owner=scout&repo=pos-returns`,
    });
  });

  it('falls back to local Git in mode auto when Gitea does not answer, and says so', async () => {
    const { outputs, ctx } = await choose({ baseUrl: closed });
    expect(outputs).toEqual({ gitea: false });
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(`Gitea at ${closed} does not answer`),
    );
  });

  it('fails in mode gitea when Gitea does not answer, naming its URL', async () => {
    await expect(choose({ baseUrl: closed, mode: 'gitea' })).rejects.toThrow(
      `Gitea at ${closed} does not answer (${closed}/api/v1/version); nothing was published`,
    );
  });

  it('does not probe in a dry run: a configured Gitea is the target', async () => {
    const { outputs } = await choose({ baseUrl: closed, dryRun: true });
    expect(outputs.gitea).toBe(true);
  });

  it.each(['Upper', '-lead', 'a/b', 'a b', ''])(
    'refuses the repository name %j',
    async repo => {
      const action = createPublishTargetAction({
        integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
        owner: 'scout',
        mode: 'auto',
      });
      const schema = action.schema?.input as any;
      expect(schema.properties.repo.pattern).toBeDefined();
      expect(new RegExp(schema.properties.repo.pattern).test(repo)).toBe(false);
    },
  );
});
