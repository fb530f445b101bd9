import { ConfigReader } from '@backstage/config';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStaticPassConfig } from '../config';
import { runStaticPass } from '../services/staticPass';

const { python } = readStaticPassConfig(new ConfigReader({}));

/**
 * The real static pass (the venv's Python and sqlglot) over artifacts
 * written to a temporary folder (manifest, and catalog, run_results and
 * sources when given; a string is written as it is, any other value as
 * JSON), made before all tests and removed after.
 */
export function staticPassOnFiles() {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lineage-sql-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return async (files: {
    manifest: unknown;
    catalog?: unknown;
    runResults?: unknown;
    sources?: unknown;
  }) => {
    const path = async (name: string, body: unknown) => {
      if (body === undefined) return undefined;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      await writeFile(join(dir, name), text);
      return join(dir, name);
    };
    return runStaticPass(python, {
      manifestPath: (await path('manifest.json', files.manifest))!,
      catalogPath: await path('catalog.json', files.catalog),
      runResultsPath: await path('run_results.json', files.runResults),
      sourcesPath: await path('sources.json', files.sources),
    });
  };
}

type Events = Awaited<ReturnType<typeof runStaticPass>>['events'];

/** Each event's inputs and output columns' inputs as `dataset.field subtype`, by output (or job, with none). */
export function lineageOf(events: Events) {
  return Object.fromEntries(
    events.map(e => {
      const facets = e.outputs![0]?.facets as any;
      const fields = facets?.columnLineage?.fields ?? {};
      return [
        e.outputs![0]?.name ?? e.job.name,
        {
          inputs: e.inputs!.map(i => i.name),
          ...Object.fromEntries(
            Object.entries(fields).map(([name, v]: [string, any]) => [
              name,
              v.inputFields.map(
                (i: any) =>
                  `${i.name}.${i.field} ${i.transformations[0].subtype}`,
              ),
            ]),
          ),
        },
      ];
    }),
  );
}
