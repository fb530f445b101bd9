import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, parseFlags, UsageError } from '../command.ts';

/** The producer token app-config.yaml accepts in development. */
const DEV_LINEAGE_TOKEN = 'scout-dev-lineage-token';

const usage = `Usage: scout lineage import --manifest M [--catalog C] [--namespace N] [options]

Sends a dbt project's artifacts to the portal's lineage store, which derives
every model's column lineage from the compiled SQL (sqlglot, in the
adapter's dialect) and records it as OpenLineage run events, all or none.
Any dbt 1.5+ project and adapter; importing the same artifacts twice records
nothing new. Prints what was derived; models that got table lineage only are
listed with the reason.

Options:
  --manifest M        a compiled manifest.json (after dbt compile, run or build)
  --catalog C         catalog.json from dbt docs generate: its column lists
                      expand \`select *\` (without it, stars pass columns by name)
  --run-results R     run_results.json: each dbt test's result becomes a data
                      quality assertion of the node it tests on the graph
  --sources S         sources.json from dbt source freshness: each source's
                      freshness shows on its node
  --namespace N       the datasets' OpenLineage namespace (default
                      <adapter>://<project>, e.g. snowflake://shop)
  --rename-database FROM=TO
                      rename a database in dataset names (repeatable)
  --url U             the portal (default http://localhost:7007)
  --token T           the producer token (default: env SCOUT_LINEAGE_TOKEN,
                      else the development token)
  --json              print the store's answer as JSON
`;

/** `scout lineage import`: lineage for any dbt project, from its artifacts. */
export const lineageCommand: Command = {
  name: 'lineage',
  summary: "Import a dbt project's column lineage into the portal",
  usage,
  async run(args) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: {
        manifest: { type: 'string' },
        catalog: { type: 'string' },
        'run-results': { type: 'string' },
        sources: { type: 'string' },
        namespace: { type: 'string' },
        'rename-database': { type: 'string', multiple: true, default: [] },
        url: { type: 'string', default: 'http://localhost:7007' },
        token: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals[0] !== 'import' || positionals.length !== 1) {
      throw new UsageError('say "import"');
    }
    if (!values.manifest) throw new UsageError('--manifest is required');
    const renameDatabase: Record<string, string> = {};
    for (const rule of values['rename-database'] as string[]) {
      const [from, to, ...rest] = rule.split('=');
      if (!from || !to || rest.length) {
        throw new UsageError(`--rename-database takes FROM=TO, not "${rule}"`);
      }
      renameDatabase[from] = to;
    }
    const body = {
      manifest: await readJson(values.manifest, '--manifest'),
      ...(values.catalog
        ? { catalog: await readJson(values.catalog, '--catalog') }
        : {}),
      ...(values['run-results']
        ? { runResults: await readJson(values['run-results'], '--run-results') }
        : {}),
      ...(values.sources
        ? { sources: await readJson(values.sources, '--sources') }
        : {}),
      ...(values.namespace ? { namespace: values.namespace } : {}),
      ...(Object.keys(renameDatabase).length ? { renameDatabase } : {}),
    };
    const token =
      values.token ?? process.env.SCOUT_LINEAGE_TOKEN ?? DEV_LINEAGE_TOKEN;
    const url = `${values.url.replace(/\/$/, '')}/api/lineage/dbt-artifacts`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    } catch (error) {
      process.stderr.write(
        `scout lineage: no portal answers at ${values.url} (${error}); start one with ./scripts/start.sh or pass --url\n`,
      );
      return 1;
    }
    const text = await response.text();
    if (!response.ok) {
      let message = text;
      try {
        message = JSON.parse(text).error?.message ?? text;
      } catch {
        // not JSON: print it as it came
      }
      process.stderr.write(
        `scout lineage: the portal refused the import (${response.status}): ${message}\n`,
      );
      return 1;
    }
    const result = JSON.parse(text);
    if (values.json) {
      process.stdout.write(`${text}\n`);
      return 0;
    }
    const count = (n: number, noun: string) =>
      `${n} ${noun}${n === 1 ? '' : 's'}`;
    process.stdout.write(
      `${count(result.models, 'model')}, ${count(
        result.fields,
        'column',
      )} with lineage, ${result.recorded} of ${count(
        result.events,
        'event',
      )} new (derived in ${result.seconds} s)\n`,
    );
    for (const warning of result.warnings) {
      process.stdout.write(`  table lineage only: ${warning}\n`);
    }
    return 0;
  },
};

/**
 * Reads a JSON file named on the command line. A relative path is taken
 * from where the user ran the command: yarn runs the CLI in its workspace
 * folder, so scripts/yarn and the root `scout` script pass the caller's
 * folder in SCOUT_CALLER_CWD.
 */
async function readJson(path: string, flag: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(
      resolve(process.env.SCOUT_CALLER_CWD || process.cwd(), path),
      'utf8',
    );
  } catch (error) {
    throw new UsageError(
      `${flag} ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${flag} ${path} is not JSON: ${error}`);
  }
}
