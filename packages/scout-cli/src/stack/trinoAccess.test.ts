import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseProperties } from './template.ts';

// Trino's access control as `stack up` renders it. Trino reads etc/ from
// its working folder (.scout/stack/trino), the rendered copy of this one.
// That Trino enforces the rules is tested against the real server in
// plugins/lakehouse-backend/src/trinoAccess.test.ts.
const trinoDir = resolve(
  __dirname,
  '../../../../platform-manifests/config/trino',
);
const read = (file: string) => readFile(join(trinoDir, file), 'utf8');

type Rule = { group?: string; user?: string };
type CatalogRule = Rule & { catalog?: string; allow: string };
type TableRule = Rule & {
  catalog?: string;
  schema?: string;
  table?: string;
  privileges: string[];
};
type SchemaRule = Rule & { catalog?: string; schema?: string; owner: boolean };

// Trino matches a rule's patterns against the whole name (Java's
// Matcher.matches()); an absent pattern matches anything.
const matches = (pattern: string | undefined, value: string) =>
  pattern === undefined || new RegExp(`^(?:${pattern})$`).test(value);
const appliesTo = (rule: Rule, user: string, groups: string[]) =>
  matches(rule.user, user) &&
  (rule.group === undefined || groups.some(g => matches(rule.group, g)));

describe("Trino's access control config", () => {
  it('turns on file-based rules and the file group provider, with files that exist', async () => {
    const access = parseProperties(await read('etc/access-control.properties'));
    const groups = parseProperties(await read('etc/group-provider.properties'));
    expect(access['access-control.name']).toBe('file');
    expect(groups['group-provider.name']).toBe('file');
    for (const file of [
      access['security.config-file'],
      groups['file.group-file'],
    ]) {
      expect([file, existsSync(join(trinoDir, file))]).toEqual([file, true]);
    }
  });

  it('names only groups that the group file has', async () => {
    const rules: Record<string, Rule[]> = JSON.parse(
      await read('etc/rules.json'),
    );
    const known = new Set(
      (await read('etc/groups.txt'))
        .split('\n')
        .filter(line => line.includes(':') && !line.startsWith('#'))
        .map(line => line.split(':')[0]),
    );
    const named = Object.values(rules)
      .flat()
      .flatMap(rule => rule.group?.split('|') ?? []);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter(group => !known.has(group))).toEqual([]);
  });

  describe("the superset user (Superset's connection, SUPERSET_TRINO_USER)", () => {
    // Trino 476 (docs: security/file-system-access-control): per section the
    // first matching rule decides; a schema is listed when any rule with
    // privileges matches it. `stack up` renders ${TRINO_USER} as the
    // pipeline's user, `scout` by default.
    let rules: {
      catalogs: CatalogRule[];
      schemas: SchemaRule[];
      tables: TableRule[];
    };
    beforeAll(async () => {
      rules = JSON.parse(
        (await read('etc/rules.json')).replaceAll('${TRINO_USER}', 'scout'),
      );
    });
    const catalogAccess = (
      user: string,
      catalog: string,
      groups: string[] = [],
    ) =>
      rules.catalogs.find(
        r => appliesTo(r, user, groups) && matches(r.catalog, catalog),
      )?.allow ?? 'none';
    const tableRuleFor = (
      user: string,
      [catalog, schema, table]: string[],
      groups: string[] = [],
    ) =>
      rules.tables.find(
        r =>
          appliesTo(r, user, groups) &&
          matches(r.catalog, catalog) &&
          matches(r.schema, schema) &&
          matches(r.table, table),
      );
    const privileges = (user: string, name: string, groups: string[] = []) =>
      catalogAccess(user, name.split('.')[0], groups) === 'none'
        ? []
        : tableRuleFor(user, name.split('.'), groups)?.privileges ?? [];
    const visibleSchemas = (user: string, catalog: string) =>
      catalogAccess(user, catalog) === 'none'
        ? []
        : [
            'bronze',
            'silver',
            'gold',
            'platinum',
            'runtime',
            'metadata',
            'scout',
          ].filter(
            schema =>
              rules.tables.some(
                r =>
                  r.privileges.length > 0 &&
                  appliesTo(r, user, []) &&
                  matches(r.catalog, catalog) &&
                  matches(r.schema, schema),
              ) ||
              rules.schemas.some(
                r =>
                  r.owner &&
                  appliesTo(r, user, []) &&
                  matches(r.catalog, catalog) &&
                  matches(r.schema, schema),
              ),
          );

    it('reads the iceberg catalog, and system for table comments only; never writes', () => {
      expect(
        Object.fromEntries(
          ['iceberg', 'system', 'postgresql', 'sandbox_pg_1', 'other'].map(
            catalog => [catalog, catalogAccess('superset', catalog)],
          ),
        ),
      ).toEqual({
        iceberg: 'read-only',
        system: 'read-only',
        postgresql: 'none',
        sandbox_pg_1: 'none',
        other: 'none',
      });
    });

    it('selects from gold and platinum and from nothing else', () => {
      expect(
        Object.fromEntries(
          [
            'iceberg.gold.gold_daily_store_sales',
            'iceberg.platinum.platinum_store_features',
            'iceberg.silver.silver_transactions',
            'iceberg.bronze.transactions',
            'system.runtime.nodes',
            'system.metadata.table_comments',
            'postgresql.scout.bronze_transactions',
          ].map(name => [name, privileges('superset', name)]),
        ),
      ).toEqual({
        'iceberg.gold.gold_daily_store_sales': ['SELECT'],
        'iceberg.platinum.platinum_store_features': ['SELECT'],
        'iceberg.silver.silver_transactions': [],
        'iceberg.bronze.transactions': [],
        'system.runtime.nodes': [],
        // Superset reads a table's comment when it makes a dataset; Trino
        // lists only the comments of tables the user may see.
        'system.metadata.table_comments': ['SELECT'],
        'postgresql.scout.bronze_transactions': [],
      });
    });

    it('sees only the gold and platinum schemas, and owns none', () => {
      expect(visibleSchemas('superset', 'iceberg')).toEqual([
        'gold',
        'platinum',
      ]);
      expect(visibleSchemas('superset', 'system')).toEqual(['metadata']);
    });

    it('leaves everyone else as they were', () => {
      expect(
        privileges('liza.garcia', 'iceberg.silver.t', ['analytics']),
      ).toEqual(['SELECT']);
      expect(privileges('someone', 'system.runtime.nodes')).toEqual(['SELECT']);
      expect(privileges('scout', 'iceberg.bronze.t')).toContain('INSERT');
      expect(visibleSchemas('someone', 'iceberg')).toEqual([
        'silver',
        'gold',
        'platinum',
      ]);
    });
  });
});
