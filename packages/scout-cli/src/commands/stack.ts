import type { Command } from '../command.ts';
import { parseStackArgs } from '../stack/args.ts';
import { stackRoot } from '../stack/paths.ts';
import { stackDown, stackStatus } from '../stack/stack.ts';
import { stackUp } from '../stack/up.ts';

const usage = `Usage: scout stack <up|down|status> [service...] [--json]

The local stack, without Docker, on 127.0.0.1:
  postgres      PostgreSQL 15 through scripts/lib/postgres.sh (SCOUT_PG_PORT, 54329)
  s3            S3Proxy, an S3 API over .scout/stack/s3/data  (SCOUT_S3_PORT, 9000)
  nessie        Nessie, REST API v2 at /api/v2, RocksDB store (SCOUT_NESSIE_PORT, 19120)
  trino         Trino, catalogs iceberg and postgresql        (SCOUT_TRINO_PORT, 8080)
  keycloak      Keycloak (dev mode), realm scout for sign-in  (SCOUT_KEYCLOAK_PORT, 18080)
  prometheus    Prometheus (Debian), scraping the portal      (SCOUT_PROMETHEUS_PORT, 9090)
  alertmanager  Alertmanager (Debian), SLO alerts             (SCOUT_ALERTMANAGER_PORT, 9093)
  gitea         Gitea 1.26, organization scout for templates  (SCOUT_GITEA_PORT, 3300)
  superset      Superset 6.1 from PyPI, only when named       (SCOUT_SUPERSET_PORT, 8088)

  up       downloads once into the machine cache, shared by every clone
           (~/.cache/scout-portal, or SCOUT_CACHE_HOME: stack/; Gitea built
           once with Go into go-bin/, Superset's venv in superset/), renders
           platform-manifests/config into .scout/stack, starts what is not
           running and waits for it;
           records PIDs in .scout/stack/pids.json, logs in .scout/logs. When a
           start fails, or on Ctrl-C/SIGTERM, it stops what it started
  down     stops what "up" started, by recorded PID
  status   one line per service; exit code 1 when one is not up

Services default to all but superset, which starts only when named (status
lists it once started). Java 25 comes from SCOUT_JAVA_HOME, JAVA_HOME or
/usr/lib/jvm/*25*; versions from SCOUT_TRINO_VERSION, SCOUT_NESSIE_VERSION,
SCOUT_S3PROXY_VERSION, SCOUT_KEYCLOAK_VERSION; Trino's heap from
SCOUT_TRINO_HEAP (3G).

Options:
  --json   status as JSON
`;

/** `scout stack up|down|status`: the lakehouse services as local processes. */
export const stackCommand: Command = {
  name: 'stack',
  summary:
    'Start, stop or show the local stack (PostgreSQL, the lakehouse, Keycloak, Prometheus, Alertmanager, Gitea, Superset)',
  usage,
  async run(args) {
    const { action, services, json } = parseStackArgs(args);
    const run = {
      root: stackRoot(),
      services,
      out: (text: string) => void process.stdout.write(text),
      err: (text: string) => void process.stderr.write(text),
    };
    if (action === 'up') return stackUp(run);
    if (action === 'down') return stackDown(run);
    return stackStatus({ ...run, json });
  },
};
