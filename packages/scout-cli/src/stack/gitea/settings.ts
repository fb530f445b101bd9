import type { Config } from '@backstage/config';
import { isLoopbackHost } from '@internal/backstage-plugin-scout-node';

/** The organization that templates publish to (`publish:gitea`'s owner). */
export const GITEA_ORGANIZATION = 'scout';

/** The local Gitea, as the portal's Gitea integration reaches it. */
export type GiteaSettings = {
  /** The integration's host, e.g. 127.0.0.1:3300. */
  host: string;
  port: number;
  /**
   * The integration's baseUrl, which is also Gitea's ROOT_URL: the URLs
   * Gitea hands out must carry the host the portal's URL reader matches.
   */
  url: string;
  /** The integration's credentials: the stack makes them Gitea's admin. */
  admin: { username: string; password: string };
  organization: string;
};

const KEY = 'integrations.gitea';

/** The hostname of an integration's host[:port]. */
const hostnameOf = (host: string) =>
  URL.canParse(`http://${host}`) ? new URL(`http://${host}`).hostname : host;

/**
 * The local Gitea from the checkout's app-config: the `integrations.gitea`
 * entry whose host is on this machine (`127.0.0.1:${SCOUT_GITEA_PORT}`),
 * with its username and password. Throws naming the key that is missing or
 * does not fit a local Gitea.
 */
export function readGiteaSettings(config: Config): GiteaSettings {
  const entries = config.getOptionalConfigArray(KEY) ?? [];
  const index = entries.findIndex(entry => {
    const host = entry.getOptionalString('host');
    return host !== undefined && isLoopbackHost(hostnameOf(host));
  });
  if (index < 0) {
    throw new Error(
      `${KEY} has no entry whose host is on this machine (e.g. 127.0.0.1:3300): "scout stack" runs the local Gitea for it`,
    );
  }
  const entry = entries[index];
  const key = (name: string) => `${KEY}[${index}].${name}`;
  const host = entry.getString('host');
  const url = entry.getOptionalString('baseUrl') ?? '';
  if (!URL.canParse(url) || new URL(url).host !== host) {
    throw new Error(
      `${key(
        'baseUrl',
      )} must be http://${host}: the local Gitea serves plain HTTP on its host`,
    );
  }
  const required = (name: string) => {
    const value = entry.getOptionalString(name)?.trim();
    if (!value) {
      throw new Error(
        `${key(name)} is not set (or empty): the local Gitea's admin account`,
      );
    }
    return value;
  };
  const parsed = new URL(url);
  return {
    host,
    port: Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)),
    url: parsed.origin,
    admin: { username: required('username'), password: required('password') },
    organization: GITEA_ORGANIZATION,
  };
}
