import { z } from 'zod';

const reference = z.object({
  type: z.enum(['BRANCH', 'TAG']),
  name: z.string(),
  hash: z.string(),
});
export type NessieReference = z.infer<typeof reference>;

const single = z.object({ reference });

const contentKey = z.object({ elements: z.array(z.string()) });
// Only what the browser reads; Nessie sends more (ids, schema ids...).
const content = z
  .object({ type: z.string(), metadataLocation: z.string().optional() })
  .nullable();
export type NessieContent = z.infer<typeof content>;

const referencePage = z.object({
  references: z.array(reference),
  hasMore: z.boolean().optional(),
  token: z.string().nullish(),
});

const entriesPage = z.object({
  entries: z.array(
    z.object({
      type: z.string(),
      name: contentKey,
      content: content.optional(),
    }),
  ),
  hasMore: z.boolean().optional(),
  token: z.string().nullish(),
});
export type NessieEntry = {
  type: string;
  key: string[];
  content: NessieContent | undefined;
};

const logPage = z.object({
  logEntries: z.array(
    z.object({
      commitMeta: z.object({
        hash: z.string(),
        message: z.string(),
        committer: z.string().nullish(),
        authors: z.array(z.string()).optional(),
        commitTime: z.string().nullish(),
      }),
      operations: z
        .array(z.object({ type: z.string(), key: contentKey }))
        .nullish(),
    }),
  ),
  hasMore: z.boolean().optional(),
  token: z.string().nullish(),
});
export type NessieLogEntry = {
  hash: string;
  message: string;
  author: string | null;
  committedAt: string | null;
  /** The keys the commit put or deleted (elements of each). */
  keys: string[][];
};

const diffPage = z.object({
  diffs: z.array(z.object({ key: contentKey, from: content, to: content })),
  hasMore: z.boolean().optional(),
  token: z.string().nullish(),
});
export type NessieDiffEntry = {
  key: string[];
  from: NessieContent;
  to: NessieContent;
};

/**
 * Nessie answered with an error status. `errorCode` (e.g.
 * REFERENCE_NOT_FOUND) and `reason` (Nessie's own message) come from its
 * error body.
 */
export class NessieError extends Error {
  name = 'NessieError';
  constructor(
    message: string,
    readonly status: number,
    readonly errorCode: string | undefined,
    readonly reason: string | undefined,
  ) {
    super(message);
  }
}

/** Nessie did not answer at all: down or unreachable. */
export class NessieUnavailableError extends Error {
  name = 'NessieUnavailableError';
}

/** A content key in a URL path: elements joined by '.'. */
const keyPath = (elements: string[]) => encodeURIComponent(elements.join('.'));

// Reference names may hold '/', which the path form writes as '~'.
const enc = (ref: string) => encodeURIComponent(ref.replaceAll('/', '~'));

const pageQuery = (token: string | undefined) =>
  token ? `?page-token=${encodeURIComponent(token)}` : '';

const errorSchema = z.object({
  errorCode: z.string().optional(),
  message: z.string().optional(),
});

/** Nessie's error body: a machine-readable errorCode and a message. */
function errorBody(text: string): z.infer<typeof errorSchema> | undefined {
  try {
    const parsed = errorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The calls of Nessie's REST API v2 that write-audit-publish and the
 * lakehouse browser need.
 */
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

  /** Every branch and tag. */
  async listReferences(): Promise<NessieReference[]> {
    const all: NessieReference[] = [];
    for (let token: string | undefined; ; ) {
      const page = referencePage.parse(
        await this.#call('GET', `trees${pageQuery(token)}`),
      );
      all.push(...page.references);
      token = page.token ?? undefined;
      if (!page.hasMore || !token) return all;
    }
  }

  /**
   * The content at the head of `ref`, optionally only keys under
   * `prefix` (a namespace).
   */
  async entries(ref: string, prefix?: string[]): Promise<NessieEntry[]> {
    const all: NessieEntry[] = [];
    const params = new URLSearchParams({ content: 'true' });
    if (prefix) params.set('prefix-key', prefix.join('.'));
    for (let token: string | undefined; ; ) {
      if (token) params.set('page-token', token);
      const page = entriesPage.parse(
        await this.#call('GET', `trees/${enc(ref)}/entries?${params}`),
      );
      all.push(
        ...page.entries.map(e => ({
          type: e.type,
          key: e.name.elements,
          content: e.content ?? undefined,
        })),
      );
      token = page.token ?? undefined;
      if (!page.hasMore || !token) return all;
    }
  }

  /** One key's content at the head of `ref`; a NessieError 404 when absent. */
  async content(
    ref: string,
    key: string[],
  ): Promise<NonNullable<NessieContent>> {
    const answer = z
      .object({ content: content.unwrap() })
      .parse(
        await this.#call('GET', `trees/${enc(ref)}/contents/${keyPath(key)}`),
      );
    return answer.content;
  }

  /**
   * One page of `ref`'s commit log, newest first, with the keys each commit
   * touched. Pass the returned token for the next page.
   */
  async commitLog(
    ref: string,
    options: { maxRecords: number; pageToken?: string },
  ): Promise<{ entries: NessieLogEntry[]; nextPageToken?: string }> {
    const params = new URLSearchParams({
      'max-records': String(options.maxRecords),
      fetch: 'ALL',
    });
    if (options.pageToken) params.set('page-token', options.pageToken);
    const page = logPage.parse(
      await this.#call('GET', `trees/${enc(ref)}/history?${params}`),
    );
    return {
      entries: page.logEntries.map(({ commitMeta, operations }) => ({
        hash: commitMeta.hash,
        message: commitMeta.message,
        author: commitMeta.authors?.[0] || commitMeta.committer || null,
        committedAt: commitMeta.commitTime ?? null,
        keys: (operations ?? []).map(op => op.key.elements),
      })),
      nextPageToken: (page.hasMore && page.token) || undefined,
    };
  }

  /** The keys whose content differs between two references. */
  async diff(from: string, to: string): Promise<NessieDiffEntry[]> {
    const all: NessieDiffEntry[] = [];
    for (let token: string | undefined; ; ) {
      const page = diffPage.parse(
        await this.#call(
          'GET',
          `trees/${enc(from)}/diff/${enc(to)}${pageQuery(token)}`,
        ),
      );
      all.push(
        ...page.diffs.map(d => ({
          key: d.key.elements,
          from: d.from,
          to: d.to,
        })),
      );
      token = page.token ?? undefined;
      if (!page.hasMore || !token) return all;
    }
  }

  async #call(method: string, path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/${path}`, {
        method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new NessieUnavailableError(
        `Nessie at ${this.baseUrl} did not answer: ${
          cause ?? (error as Error).message
        }`,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      const answer = errorBody(text);
      throw new NessieError(
        `Nessie ${method} ${path} answered ${response.status}: ${text.slice(
          0,
          500,
        )}`,
        response.status,
        answer?.errorCode,
        answer?.message,
      );
    }
    return text ? JSON.parse(text) : undefined;
  }
}
