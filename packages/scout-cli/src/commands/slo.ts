import { join } from 'node:path';
import { repoRoot } from '../bench/backend.ts';
import { type Command, parseFlags, UsageError } from '../command.ts';
import {
  generateSloOutput,
  SLO_PATHS,
  staleFiles,
  writeGenerated,
} from '../slo/generate.ts';
import { ensureSloth, SLOTH_VERSION } from '../slo/sloth.ts';

const usage = `Usage: scout slo generate [--check]

Reads the OpenSLO v1alpha specs in ${SLO_PATHS.specs}/ (one SLO per file,
<service>-<name>.yaml), has Sloth ${SLOTH_VERSION} validate those it reads
and generate every SLO's Prometheus rules, and writes under ${SLO_PATHS.base}/:
  generated/prometheus/<service>.yaml      Sloth's SLI recordings, burn-rate alerts, budget metadata
  generated/alertmanager/alertmanager.yml  pages to the portal's webhook, tickets to a null receiver
  generated/grafana/<service>.json         a dashboard per service (budget, burn rates, SLI)
  tests/<service>.test.yaml                promtool tests: each alert fires just above its burn
                                           rate and stays quiet just below it
Sloth is built on first use (go install, about 3 minutes) into go-bin of the
machine cache (~/.cache/scout-portal, or SCOUT_CACHE_HOME).

Options:
  --check   write nothing; exit 1 naming each file that differs from a fresh
            generation (the committed output is stale)
`;

/** `scout slo generate`: Prometheus rules, Alertmanager config and dashboards from the SLO specs. */
export const sloCommand: Command = {
  name: 'slo',
  summary: 'Generate SLO rules (Sloth), Alertmanager config and dashboards',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: { check: { type: 'boolean', default: false } },
    });
    if (positionals.length !== 1 || positionals[0] !== 'generate') {
      throw new UsageError('say "generate"');
    }
    const files = await generateSloOutput(
      repoRoot,
      await ensureSloth(repoRoot),
    );
    const dir = join(repoRoot, SLO_PATHS.base);
    if (values.check) {
      const stale = await staleFiles(dir, files);
      if (stale.length) {
        process.stderr.write(
          `the generated SLO output is stale; run ./scripts/yarn scout slo generate and commit:\n${stale
            .map(s => `  ${SLO_PATHS.base}/${s}`)
            .join('\n')}\n`,
        );
        return 1;
      }
      process.stdout.write(
        `${files.size} generated SLO files are up to date\n`,
      );
      return 0;
    }
    await writeGenerated(dir, files);
    process.stdout.write(
      `wrote ${files.size} files under ${SLO_PATHS.base}/\n`,
    );
    return 0;
  },
};
