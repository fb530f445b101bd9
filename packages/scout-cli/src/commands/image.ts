import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Command, UsageError } from '../command.ts';
import { repoRoot } from '../bench/backend.ts';
import { checkImageLayout } from '../image/layout.ts';

const usage = `Usage: scout image check

Checks the backend image's file layout without Docker: lays out the files
the way packages/backend/Dockerfile's COPY steps and bundle archives would
(run \`yarn build:backend\` first), then checks that every path
app-config.production.yaml names is there: the catalog's file locations,
scout.migrations.dir, scout.pipeline.dbt.projectDir, and that
scout.pipeline.dbt.executable is installed by a RUN step at build time.
Exits 1 and lists each missing path.
`;

/** `scout image check`: the image carries what the production config names. */
export const imageCommand: Command = {
  name: 'image',
  summary: "Check the backend image's layout against the production config",
  usage,
  async run(args) {
    if (args.length !== 1 || args[0] !== 'check') {
      throw new UsageError('say "check"');
    }
    const root = mkdtempSync(join(tmpdir(), 'scout-image-'));
    try {
      const { checked, problems } = await checkImageLayout(repoRoot, root);
      for (const { key, path } of checked) {
        process.stdout.write(`${key.padEnd(32)} ${path}\n`);
      }
      if (problems.length > 0) {
        process.stderr.write(
          `the image lacks what the production config names:\n${problems
            .map(p => `  - ${p}`)
            .join('\n')}\n`,
        );
        return 1;
      }
      process.stdout.write(
        `image layout: all ${checked.length} paths of the production config are in the image\n`,
      );
      return 0;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
