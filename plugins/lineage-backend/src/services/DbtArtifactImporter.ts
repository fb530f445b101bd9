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
    namespace?: string;
    renameDatabase?: Record<string, string>;
  }): Promise<ImportResult> {
    const dir = await mkdtemp(join(tmpdir(), 'scout-lineage-'));
    try {
      const manifestPath = join(dir, 'manifest.json');
      await writeFile(manifestPath, JSON.stringify(request.manifest));
      let catalogPath: string | undefined;
      if (request.catalog) {
        catalogPath = join(dir, 'catalog.json');
        await writeFile(catalogPath, JSON.stringify(request.catalog));
      }
      let runResultsPath: string | undefined;
      if (request.runResults) {
        runResultsPath = join(dir, 'run_results.json');
        await writeFile(runResultsPath, JSON.stringify(request.runResults));
      }
      return await this.importFiles({
        manifestPath,
        catalogPath,
        runResultsPath,
        namespace: request.namespace,
        renameDatabase: request.renameDatabase,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
