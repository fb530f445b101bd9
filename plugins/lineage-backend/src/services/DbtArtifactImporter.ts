import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LineageStore } from './LineageStore';
import {
  runStaticPass,
  type DbtArtifacts,
  type StaticPassSummary,
} from './staticPass';

/** What one import derived, and how many of its events were new. */
export type ImportResult = StaticPassSummary & {
  /** Run events derived: one per model and per exposure. */
  events: number;
  /** Of them, the ones not recorded before (0 for a replayed import). */
  recorded: number;
};

/**
 * Lineage from dbt artifacts: the static pass derives run events, and the
 * store records them in one transaction (all or none), so the graph never
 * shows half a project. Importing the same artifacts again records nothing.
 */
export class DbtArtifactImporter {
  constructor(
    private readonly store: LineageStore,
    /** The Python that has sqlglot (lineage.staticPass.python). */
    private readonly python: string,
  ) {}

  /** Artifacts already on disk (a published pipeline run's). */
  async importFiles(artifacts: DbtArtifacts): Promise<ImportResult> {
    const { events, summary } = await runStaticPass(this.python, artifacts);
    const results = await this.store.recordAll(events);
    return {
      ...summary,
      events: events.length,
      recorded: results.filter(r => r.recorded).length,
    };
  }

  /** Artifacts sent as JSON (POST /dbt-artifacts, `scout lineage import`). */
  async importJson(request: {
    manifest: object;
    catalog?: object;
    runResults?: object;
    sources?: object;
    namespace?: string;
    renameDatabase?: Record<string, string>;
  }): Promise<ImportResult> {
    const dir = await mkdtemp(join(tmpdir(), 'scout-lineage-'));
    try {
      // Each artifact sent, as the file the static pass reads.
      const file = async (name: string, body: object | undefined) => {
        if (!body) return undefined;
        const path = join(dir, name);
        await writeFile(path, JSON.stringify(body));
        return path;
      };
      return await this.importFiles({
        manifestPath: (await file('manifest.json', request.manifest))!,
        catalogPath: await file('catalog.json', request.catalog),
        runResultsPath: await file('run_results.json', request.runResults),
        sourcesPath: await file('sources.json', request.sources),
        namespace: request.namespace,
        renameDatabase: request.renameDatabase,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
