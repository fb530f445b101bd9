import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// dbt as the pipeline calls it (`build ... --target-path P`), in sh: it
// waits while a `hold` file exists, then writes run_results.json and
// manifest.json with one model and two tests, the second failing (exit 1)
// while a `fail` file exists.
const SCRIPT = `#!/bin/sh
while [ "$#" -gt 0 ]; do
  if [ "$1" = "--target-path" ]; then out="$2"; fi
  shift
done
dir=$(dirname "$0")
while [ -e "$dir/hold" ]; do sleep 0.05; done
mkdir -p "$out"
status=pass; failures=0; message=null; code=0
if [ -e "$dir/fail" ]; then
  status=fail; failures=2; message='"Got 2 results, configured to fail if != 0"'; code=1
fi
cat > "$out/run_results.json" <<JSON
{"results": [
  {"unique_id": "model.scout.silver_transactions", "status": "success", "execution_time": 0.5, "message": "OK", "failures": null},
  {"unique_id": "test.scout.not_null_silver_transactions_total.1a", "status": "pass", "execution_time": 0.1, "message": null, "failures": 0},
  {"unique_id": "test.scout.sums_match_silver_transactions.2b", "status": "$status", "execution_time": 0.2, "message": $message, "failures": $failures}
]}
JSON
cat > "$out/manifest.json" <<JSON
{"nodes": {"test.scout.sums_match_silver_transactions.2b": {
  "name": "sums_match_silver_transactions",
  "attached_node": "model.scout.silver_transactions",
  "depends_on": {"nodes": ["model.scout.silver_transactions"]}}}}
JSON
exit $code
`;

/**
 * A stand-in dbt project for backend tests: `dbt` is the executable and
 * `projectDir` the project for scout.pipeline.dbt. `hold(true)` makes the
 * next build wait until `hold(false)`; `fail(true)` makes builds fail a test.
 */
export function createFakeDbt() {
  const projectDir = mkdtempSync(join(tmpdir(), 'scout-fake-dbt-'));
  writeFileSync(join(projectDir, 'dbt_project.yml'), 'name: scout\n');
  const executable = join(projectDir, 'dbt');
  writeFileSync(executable, SCRIPT);
  chmodSync(executable, 0o755);
  const flag = (name: string) => (on: boolean) =>
    on
      ? writeFileSync(join(projectDir, name), '')
      : rmSync(join(projectDir, name), { force: true });
  return {
    config: { executable, projectDir },
    hold: flag('hold'),
    fail: flag('fail'),
    cleanup: () => rmSync(projectDir, { recursive: true, force: true }),
  };
}
