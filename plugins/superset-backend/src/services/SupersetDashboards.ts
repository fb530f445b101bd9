import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  rison,
  SupersetApiError,
  SupersetClient,
  type SupersetApi,
} from '@internal/backstage-plugin-scout-node';
import type {
  Dashboard,
  DashboardList,
  GuestToken,
  SupersetStatus,
} from '../schema/openapi/generated/models';
import type { SupersetConfig } from '../config';
import { guestRowLevelSecurity } from './rowLevelSecurity';
import { dashboardDescription, tokenExpiry } from './supersetFields';

/** Signs in to Superset as an account; SupersetClient.login by default. */
export type Connect = (
  url: string,
  account: { username: string; password: string },
) => Promise<SupersetApi>;

/** The caller a guest token is for. */
export type Caller = { userEntityRef: string; ownershipEntityRefs: string[] };

type Known = Dashboard & { datasetIds: { id: number; name: string }[] };
type KnownList = {
  known: Promise<Known[]>;
  /** When the list is read again (ms since the epoch). */
  until: number;
  /** The read under way that replaces it. */
  next?: Promise<Known[]>;
};

// How long the dashboard list is reused before it is read again in the
// background: a provisioned dashboard shows up within this (plus one read);
// guest tokens cost one request to Superset.
const LIST_TTL_MS = 30_000;
// Superset's access tokens last 15 minutes; sign in again before that.
const SESSION_TTL_MS = 10 * 60_000;

// What starts Superset (its metadata database is the stack's PostgreSQL),
// and what loads the dashboards the first time; they stay loaded after.
const START =
  'start it with ./scripts/yarn scout stack up postgres superset, and the first time load the dashboards with ./scripts/yarn scout superset provision';

/** Why Superset cannot be used now: the state and message of SupersetStatus. */
class Unavailable extends Error {
  constructor(readonly status: SupersetStatus) {
    super(status.message);
  }
}

/**
 * The embeddable dashboards of Superset and guest tokens for them, as the
 * service account of superset.username. The list is read from Superset
 * (dashboards with embedding on) and read again in the background after
 * 30 s, while the older list is still answered; a guest token is one
 * POST /api/v1/security/guest_token/ for the caller, this dashboard only,
 * with the caller's row-level security (guestRowLevelSecurity).
 */
export class SupersetDashboards {
  readonly #config?: SupersetConfig;
  readonly #connect: Connect;
  readonly #logger: LoggerService;
  #session?: { api: Promise<SupersetApi>; until: number };
  #list?: KnownList;

  static create(options: {
    config?: SupersetConfig;
    logger: LoggerService;
    connect?: Connect;
  }) {
    return new SupersetDashboards(options);
  }

  private constructor(options: {
    config?: SupersetConfig;
    logger: LoggerService;
    connect?: Connect;
  }) {
    this.#config = options.config;
    this.#logger = options.logger;
    this.#connect = options.connect ?? SupersetClient.login;
  }

  /** The dashboards and Superset's state; never throws for Superset's faults. */
  async list(): Promise<DashboardList> {
    try {
      const known = await this.#known();
      return {
        superset: {
          state: 'ready',
          message: `Signed in to Superset at ${this.#config!.baseUrl}.`,
          url: this.#config!.publicUrl,
        },
        dashboards: known.map(({ datasetIds: _, ...d }) => d),
      };
    } catch (error) {
      if (!(error instanceof Unavailable)) throw error;
      return { superset: error.status, dashboards: [] };
    }
  }

  /**
   * A guest token for `caller` on the dashboard `slug`. Throws
   * NotFoundError when no embedded dashboard has the slug, and
   * ServiceUnavailableError (with what to do) when Superset cannot be used.
   */
  async guestToken(slug: string, caller: Caller): Promise<GuestToken> {
    try {
      let dashboard = (await this.#known()).find(d => d.slug === slug);
      if (!dashboard) {
        // Provisioned since the list was read?
        this.#list = undefined;
        dashboard = (await this.#known()).find(d => d.slug === slug);
      }
      if (!dashboard) {
        throw new NotFoundError(
          `no embedded Superset dashboard has the slug "${slug}"`,
        );
      }
      const rls = guestRowLevelSecurity(
        this.#config!.rowLevelSecurity,
        caller.ownershipEntityRefs,
        dashboard.datasetIds,
      );
      const { token } = await this.#call(api =>
        api.post<{ token: string }>('/api/v1/security/guest_token/', {
          user: { username: caller.userEntityRef },
          resources: [{ type: 'dashboard', id: dashboard!.embeddedId }],
          rls,
        }),
      );
      return {
        token,
        expiresAt: tokenExpiry(token),
        embeddedId: dashboard.embeddedId,
        supersetUrl: this.#config!.publicUrl,
      };
    } catch (error) {
      if (error instanceof Unavailable) {
        throw new ServiceUnavailableError(error.status.message);
      }
      throw error;
    }
  }

  /**
   * The list, read again after 30 s without making anyone wait for it: an
   * older list is answered while its successor is read (stale while
   * revalidate), so only the first request, or the first after a failed
   * read, waits for Superset (about half a second for five dashboards).
   */
  #known(): Promise<Known[]> {
    const list = this.#list;
    if (!list) return this.#firstRead();
    if (list.until < Date.now() && !list.next) {
      const next = this.#readDashboards();
      list.next = next;
      next.then(
        () => {
          if (this.#list === list) {
            this.#list = { known: next, until: Date.now() + LIST_TTL_MS };
          }
        },
        // The old list goes too: the next request asks Superset and
        // reports what it says.
        () => {
          if (this.#list === list) this.#list = undefined;
        },
      );
    }
    return list.known;
  }

  /** A read that requests wait for: there is no list to answer meanwhile. */
  #firstRead(): Promise<Known[]> {
    const list = {
      known: this.#readDashboards(),
      until: Date.now() + LIST_TTL_MS,
    };
    this.#list = list;
    // A failure is not kept: the next request asks Superset again.
    list.known.catch(() => {
      if (this.#list === list) this.#list = undefined;
    });
    return list.known;
  }

  async #readDashboards(): Promise<Known[]> {
    const { result } = await this.#call(api =>
      api.get<{ result: { id: number }[] }>(
        `/api/v1/dashboard/?q=${rison({ columns: ['id'], page_size: 100 })}`,
      ),
    );
    const known = await Promise.all(
      result.map(({ id }) => this.#call(api => readDashboard(api, id))),
    );
    return known
      .filter((d): d is Known => d !== undefined)
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  /** Runs `fn` as the service account, signing in again once on a 401. */
  async #call<T>(fn: (api: SupersetApi) => Promise<T>): Promise<T> {
    try {
      return await fn(await this.#api());
    } catch (error) {
      if (error instanceof SupersetApiError && error.status === 401) {
        this.#session = undefined;
        return this.#unavailable(() => this.#api().then(fn));
      }
      return this.#unavailable(() => Promise.reject(error));
    }
  }

  #api(): Promise<SupersetApi> {
    const config = this.#config;
    if (!config) {
      return Promise.reject(
        new Unavailable({
          state: 'not-configured',
          message:
            'superset.baseUrl is not set, so the portal runs without Superset. To embed dashboards: ' +
            `${START}, and set superset.baseUrl, superset.username and superset.password (app-config.yaml has the local stack's).`,
        }),
      );
    }
    if (!this.#session || this.#session.until < Date.now()) {
      const api = this.#connect(config.baseUrl, {
        username: config.username,
        password: config.password,
      });
      this.#session = { api, until: Date.now() + SESSION_TTL_MS };
      api.catch(() => {
        if (this.#session?.api === api) this.#session = undefined;
      });
    }
    return this.#session.api;
  }

  /** Turns Superset's faults into Unavailable; other errors pass. */
  async #unavailable<T>(run: () => Promise<T>): Promise<T> {
    const config = this.#config!;
    try {
      return await run();
    } catch (error) {
      if (error instanceof Unavailable || error instanceof NotFoundError) {
        throw error;
      }
      if (error instanceof SupersetApiError) {
        this.#logger.warn(`Superset refused a request: ${error.message}`);
        const login = error.path === '/api/v1/security/login';
        throw new Unavailable({
          state: 'refused',
          url: config.publicUrl,
          message: login
            ? `Superset at ${config.baseUrl} refused the service account "${config.username}" (${error.status}): check superset.username and superset.password`
            : `Superset at ${config.baseUrl} answered ${error.status} to ${
                error.method
              } ${error.path.split('?')[0]}; the backend log has its answer`,
        });
      }
      // What failed stays in the log (fetch's own reason is its cause:
      // refused, reset, timed out); the browser gets only what to do.
      const cause = (error as { cause?: unknown } | null)?.cause;
      this.#logger.warn(
        `Superset at ${config.baseUrl} could not be reached: ${String(error)}${
          cause ? ` (${String(cause)})` : ''
        }`,
      );
      throw new Unavailable({
        state: 'unreachable',
        url: config.publicUrl,
        message: `No Superset answers at ${config.baseUrl}: ${START}.`,
      });
    }
  }
}

/** One dashboard with its embedding and datasets; undefined when it is not embedded. */
async function readDashboard(
  api: SupersetApi,
  id: number,
): Promise<Known | undefined> {
  let embedded: { uuid: string };
  try {
    ({ result: embedded } = await api.get<{ result: { uuid: string } }>(
      `/api/v1/dashboard/${id}/embedded`,
    ));
  } catch (error) {
    if (error instanceof SupersetApiError && error.status === 404) {
      return undefined;
    }
    throw error;
  }
  const [{ result: dashboard }, { result: datasets }] = await Promise.all([
    api.get<{
      result: {
        slug: string | null;
        dashboard_title: string;
        position_json: string | null;
      };
    }>(`/api/v1/dashboard/${id}`),
    api.get<{ result: { id: number; table_name: string; schema: string }[] }>(
      `/api/v1/dashboard/${id}/datasets`,
    ),
  ]);
  const datasetIds = datasets
    .map(d => ({ id: d.id, name: `${d.schema}.${d.table_name}` }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    slug: dashboard.slug ?? String(id),
    title: dashboard.dashboard_title,
    description: dashboardDescription(dashboard.position_json),
    embeddedId: embedded.uuid,
    datasets: datasetIds.map(d => d.name),
    datasetIds,
  };
}
