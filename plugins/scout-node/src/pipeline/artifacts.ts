import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Where one run keeps its artifacts: dbt/ (dbt's) and gx/results.json. */
export function runArtifactsDir(repoRoot: string, runId: string): string {
  return join(repoRoot, '.scout/pipeline/runs', runId);
}

/** Where the published run's dbt manifest.json and run_results.json are. */
export function publishedArtifactsDir(repoRoot: string): string {
  return join(repoRoot, '.scout/pipeline/published');
}

/** The published run's dbt manifest and results, where the portal reads them. */
export async function publishArtifacts(repoRoot: string, targetPath: string) {
  const published = publishedArtifactsDir(repoRoot);
  await mkdir(published, { recursive: true });
  for (const file of ['manifest.json', 'run_results.json']) {
    await copyFile(join(targetPath, file), join(published, file));
  }
}
