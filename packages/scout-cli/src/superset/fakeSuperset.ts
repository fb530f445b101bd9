import {
  SupersetApiError,
  type SupersetApi,
} from '@internal/backstage-plugin-scout-node';

type Obj = Record<string, unknown> & { id: number };

/**
 * An in-memory stand-in for the part of Superset's REST API that the
 * provisioner calls, for unit tests of our own logic. It records every
 * write; `tables` is what each database's schemas hold.
 */
export class FakeSuperset implements SupersetApi {
  readonly writes: string[] = [];
  readonly store: Record<string, Obj[]> = {
    database: [],
    dataset: [],
    chart: [],
    dashboard: [],
  };
  readonly embedded = new Map<
    number,
    { uuid: string; allowed_domains: string[] }
  >();
  /** Columns a dataset gets at creation and refresh, by table name. */
  columns: Record<string, { column_name: string; type: string }[]> = {};
  #next = 1;

  constructor(readonly tables: Record<string, string[]>) {}

  #find(kind: string, id: number, path: string): Obj {
    const found = this.store[kind].find(o => o.id === id);
    if (!found) throw new SupersetApiError('GET', path, 404, 'Not found');
    return found;
  }

  async get<T>(path: string): Promise<T> {
    const [, kind, idText, sub] =
      /^\/api\/v1\/(\w+)\/(?:(\d+)(?:\/(\w+))?)?/.exec(path) ?? [];
    if (!idText) {
      const result = this.store[kind].map(o =>
        kind === 'dataset' ? { ...o, database: { id: o.database } } : o,
      );
      return { result, count: result.length } as T;
    }
    const id = Number(idText);
    if (kind === 'database' && sub === 'tables') {
      const schema = /schema_name:(\w+)/.exec(decodeURIComponent(path))?.[1];
      const names = this.tables[String(schema)] ?? [];
      return {
        result: names.map(value => ({ type: 'table', value })),
      } as T;
    }
    if (kind === 'dashboard' && sub === 'charts') {
      const result = this.store.chart.filter(c =>
        (c.dashboards as number[] | undefined)?.includes(id),
      );
      return { result } as T;
    }
    if (kind === 'dashboard' && sub === 'embedded') {
      const e = this.embedded.get(id);
      if (!e) throw new SupersetApiError('GET', path, 404, 'Not found');
      return { result: e } as T;
    }
    return { result: this.#find(kind, id, path) } as T;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    this.writes.push(`POST ${path}`);
    const data = body as Record<string, unknown>;
    const embed = /^\/api\/v1\/dashboard\/(\d+)\/embedded$/.exec(path);
    if (embed) {
      const id = Number(embed[1]);
      const e = this.embedded.get(id) ?? {
        uuid: `embedded-${id}`,
        allowed_domains: [],
      };
      e.allowed_domains = data.allowed_domains as string[];
      this.embedded.set(id, e);
      return { result: e } as T;
    }
    const kind = /^\/api\/v1\/(\w+)\/$/.exec(path)?.[1];
    if (!kind) throw new Error(`fake: no POST ${path}`);
    const id = this.#next++;
    const obj: Obj = { ...data, id, uuid: `${kind}-uuid-${id}` };
    if (kind === 'dataset') {
      obj.columns = [...(this.columns[String(data.table_name)] ?? [])];
    }
    this.store[kind].push(obj);
    return { id } as T;
  }

  async put<T>(path: string, body: unknown): Promise<T> {
    this.writes.push(`PUT ${path}`);
    const [, kind, idText, sub] =
      /^\/api\/v1\/(\w+)\/(\d+)(?:\/(\w+))?$/.exec(path) ?? [];
    const obj = this.#find(kind, Number(idText), path);
    if (sub === 'refresh') {
      obj.columns = [...(this.columns[String(obj.table_name)] ?? [])];
      return {} as T;
    }
    const data = { ...(body as Record<string, unknown>) };
    if (kind === 'dashboard' && typeof data.json_metadata === 'string') {
      // As Superset does: the layout in json_metadata attaches its charts.
      const { positions } = JSON.parse(data.json_metadata) as {
        positions?: Record<string, { meta?: { chartId?: number } }>;
      };
      const ids = Object.values(positions ?? {})
        .map(p => p?.meta?.chartId)
        .filter((n): n is number => typeof n === 'number');
      for (const chart of this.store.chart) {
        const others = ((chart.dashboards as number[]) ?? []).filter(
          d => d !== obj.id,
        );
        chart.dashboards = ids.includes(chart.id)
          ? [...others, obj.id]
          : others;
      }
      data.position_json = JSON.stringify(positions);
    }
    Object.assign(obj, data);
    return {} as T;
  }
}
