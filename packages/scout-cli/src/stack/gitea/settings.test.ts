import { ConfigReader } from '@backstage/config';
import { localStackSettings } from '../settings.ts';
import { readGiteaSettings } from './settings.ts';

const gitea = (...entries: object[]) =>
  readGiteaSettings(new ConfigReader({ integrations: { gitea: entries } }));

describe('the stack Gitea settings', () => {
  it("are app-config.yaml's integrations.gitea, on 127.0.0.1:3300", async () => {
    expect((await localStackSettings({})).gitea).toEqual({
      host: '127.0.0.1:3300',
      port: 3300,
      url: 'http://127.0.0.1:3300',
      admin: { username: 'scout-admin', password: 'scout-dev-gitea-password' },
      organization: 'scout',
    });
  });

  it('move with SCOUT_GITEA_PORT and take the credentials from their variables', async () => {
    const { gitea: g } = await localStackSettings({
      SCOUT_GITEA_PORT: '3400',
      SCOUT_GITEA_USERNAME: 'portal',
      SCOUT_GITEA_PASSWORD: 'p'.repeat(32),
    });
    expect(g).toMatchObject({
      host: '127.0.0.1:3400',
      port: 3400,
      url: 'http://127.0.0.1:3400',
      admin: { username: 'portal', password: 'p'.repeat(32) },
    });
  });

  it('take the entry on this machine, whatever others there are', () => {
    const local = {
      host: 'localhost:3300',
      baseUrl: 'http://localhost:3300',
      username: 'a',
      password: 'b',
    };
    const remote = { host: 'git.example.test', username: 'x', password: 'y' };
    expect(gitea(remote, local)).toMatchObject({
      host: 'localhost:3300',
      url: 'http://localhost:3300',
      port: 3300,
    });
  });

  it('name what does not fit a local Gitea', () => {
    expect(() =>
      gitea({ host: 'git.example.test', username: 'x', password: 'y' }),
    ).toThrow(
      'integrations.gitea has no entry whose host is on this machine (e.g. 127.0.0.1:3300)',
    );
    expect(() =>
      gitea({ host: '127.0.0.1:3300', username: 'a', password: 'b' }),
    ).toThrow('integrations.gitea[0].baseUrl must be http://127.0.0.1:3300');
    expect(() =>
      gitea({
        host: '127.0.0.1:3300',
        baseUrl: 'http://127.0.0.1:3301',
        username: 'a',
        password: 'b',
      }),
    ).toThrow('integrations.gitea[0].baseUrl must be http://127.0.0.1:3300');
    expect(() =>
      gitea({
        host: '127.0.0.1:3300',
        baseUrl: 'http://127.0.0.1:3300',
        username: 'a',
        password: ' ',
      }),
    ).toThrow('integrations.gitea[0].password is not set (or empty)');
  });
});
