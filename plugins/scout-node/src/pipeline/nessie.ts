import { z } from 'zod';

const reference = z.object({
  type: z.enum(['BRANCH', 'TAG']),
  name: z.string(),
  hash: z.string(),
});
export type NessieReference = z.infer<typeof reference>;

const single = z.object({ reference });

// Reference names may hold '/', which the path form writes as '~'.
const enc = (ref: string) => encodeURIComponent(ref.replaceAll('/', '~'));

/** The few calls of Nessie's REST API v2 that write-audit-publish needs. */
export class NessieClient {
  /** `baseUrl` is the API root, e.g. http://127.0.0.1:19120/api/v2. */
  constructor(private readonly baseUrl: string) {}

  async get(name: string): Promise<NessieReference> {
    return single.parse(await this.#call('GET', `trees/${enc(name)}`))
      .reference;
  }

  /** Creates branch `name` at the head of `from`. */
  async createBranch(name: string, from: string): Promise<NessieReference> {
    const source = await this.get(from);
    const created = await this.#call(
      'POST',
      `trees?name=${enc(name)}&type=BRANCH`,
      source,
    );
    return single.parse(created).reference;
  }

  /** Creates branch `name` with no commits, for a lakehouse that starts empty. */
  async createEmptyBranch(name: string): Promise<NessieReference> {
    const config = z
      .object({ defaultBranch: z.string(), noAncestorHash: z.string() })
      .parse(await this.#call('GET', 'config'));
    const created = await this.#call(
      'POST',
      `trees?name=${enc(name)}&type=BRANCH`,
      {
        type: 'BRANCH',
        name: config.defaultBranch,
        hash: config.noAncestorHash,
      },
    );
    return single.parse(created).reference;
  }

  /** Merges every commit of `from` into `into`, failing on a conflict. */
  async merge(from: string, into: string, message: string): Promise<void> {
    const [source, target] = [await this.get(from), await this.get(into)];
    await this.#call(
      'POST',
      `trees/${enc(`${target.name}@${target.hash}`)}/history/merge`,
      { fromRefName: source.name, fromHash: source.hash, message },
    );
  }

  async deleteBranch(name: string): Promise<void> {
    const ref = await this.get(name);
    await this.#call('DELETE', `trees/${enc(`${ref.name}@${ref.hash}`)}`);
  }

  async #call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}/${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(
        `Nessie ${method} ${path} answered ${response.status}: ${text.slice(
          0,
          500,
        )}`,
      );
    }
    return text ? JSON.parse(text) : undefined;
  }
}
