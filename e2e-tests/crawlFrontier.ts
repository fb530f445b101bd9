/**
 * Which in-app URLs the crawler (crawler.journey.spec.ts) visits, in which
 * order. Links are found on the pages, never listed here, so pages added
 * later are covered without touching the crawler. The rules keep a run short
 * enough for CI:
 *  - breadth first, two levels below the start page;
 *  - one entity per kind (the first one linked), with every one of its tabs
 *    (pages below a tab, such as TechDocs pages, fall under the cap below);
 *    an entity or tab linked from an entity page is on that page's level, so
 *    each kind is reached however far the relations chain runs;
 *  - at most `perShape` URLs that differ only in their last path segment
 *    (paths of three or more segments: one table, run or doc page of many);
 *  - at most `maxPages` pages in all.
 */
export type Visit = {
  /** Path and query, e.g. `/lakehouse?layer=gold`. */
  url: string;
  /** Levels below the start page. */
  depth: number;
  /** The page that linked here (undefined for the start). */
  from?: string;
};

// /catalog/:namespace/:kind/:name, and the entity's tabs below it.
const ENTITY = /^\/catalog\/([^/]+)\/([^/]+)\/([^/]+)(\/.*)?$/;

function entityOf(url: string) {
  const match = ENTITY.exec(new URL(url, 'http://x').pathname);
  return match
    ? {
        kind: match[2].toLowerCase(),
        ref: match.slice(1, 4).join('/'),
        // more than one segment below the entity: not one of its tabs
        deep: (match[4] ?? '').split('/').filter(Boolean).length > 1,
      }
    : undefined;
}

/** URLs that differ only in what this returns count against one cap. */
function shapeOf(url: string): string {
  const { pathname, searchParams } = new URL(url, 'http://x');
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length < 3) return url;
  const keys = [...new Set(searchParams.keys())].sort().join('&');
  return `/${segments.slice(0, -1).join('/')}/*?${keys}`;
}

/**
 * Resolves a link's href against the page that holds it; undefined unless it
 * is a page of this app: same origin, not an API or static file.
 */
export function inAppUrl(href: string, pageUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(pageUrl).origin) return undefined;
  if (/^\/(api|static)\//.test(url.pathname)) return undefined;
  const path =
    url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return path + url.search;
}

export class CrawlFrontier {
  readonly #maxDepth: number;
  readonly #maxPages: number;
  readonly #perShape: number;
  readonly #queue: Visit[] = [];
  readonly #seen = new Set<string>();
  readonly #entityOfKind = new Map<string, string>();
  readonly #shapes = new Map<string, number>();
  #handedOut = 0;

  constructor(opts: { maxDepth: number; maxPages: number; perShape: number }) {
    this.#maxDepth = opts.maxDepth;
    this.#maxPages = opts.maxPages;
    this.#perShape = opts.perShape;
  }

  /** Queues `url` (an in-app path) as linked from `from`, if the rules allow. */
  offer(url: string, from?: Visit): void {
    if (this.#seen.has(url)) return;
    const entity = entityOf(url);
    const sameLevel = !!entity && !!from && !!entityOf(from.url);
    const depth = from ? from.depth + (sameLevel ? 0 : 1) : 0;
    if (depth > this.#maxDepth) return;
    if (entity) {
      const chosen = this.#entityOfKind.get(entity.kind);
      if (chosen && chosen !== entity.ref) return;
      this.#entityOfKind.set(entity.kind, entity.ref);
    }
    // Below an entity's tabs (its TechDocs pages, say) the shape cap holds.
    if (!entity || entity.deep) {
      const shape = shapeOf(url);
      const count = this.#shapes.get(shape) ?? 0;
      if (count >= this.#perShape) return;
      this.#shapes.set(shape, count + 1);
    }
    this.#seen.add(url);
    this.#queue.push({ url, depth, from: from?.url });
  }

  /** The next page to visit, or undefined when done or at the page cap. */
  next(): Visit | undefined {
    if (this.#handedOut >= this.#maxPages) return undefined;
    const visit = this.#queue.shift();
    if (visit) this.#handedOut++;
    return visit;
  }

  /** Pages queued but never visited because of the page cap. */
  get skipped(): number {
    return this.#queue.length;
  }
}
