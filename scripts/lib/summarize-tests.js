// Prints "N passed, M failed[, K skipped]" over every tier's report in the
// results folder: jest JSON, Playwright JSON, Node TAP, Deno JUnit, Bruno JSON.
// A missing report counts as one failure: that tier did not run.
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
const total = { passed: 0, failed: 0, skipped: 0 };

function read(name, parse) {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) {
    console.error(`no test report at ${file}`);
    total.failed += 1;
    return;
  }
  const { passed, failed, skipped } = parse(fs.readFileSync(file, 'utf8'));
  total.passed += passed;
  total.failed += failed;
  total.skipped += skipped;
}

const jest = text => {
  const r = JSON.parse(text);
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  };
};
// Playwright: expected = passed, unexpected = failed, flaky = passed on retry.
const playwright = text => {
  const { stats } = JSON.parse(text);
  return {
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected,
    skipped: stats.skipped,
  };
};
const tap = text => {
  const count = key =>
    Number((text.match(new RegExp(`^# ${key} (\\d+)`, 'm')) ?? [0, 0])[1]);
  return {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
  };
};
const junit = text => {
  const attr = key =>
    Number(
      (text.match(new RegExp(`<testsuites[^>]*\\b${key}="(\\d+)"`)) ?? [
        0, 0,
      ])[1],
    );
  const failed = attr('failures') + attr('errors');
  const skipped = attr('skipped');
  return { passed: attr('tests') - failed - skipped, failed, skipped };
};

// Bruno: one entry per run of the collection, tests counted per request.
const bruno = text => {
  const runs = JSON.parse(text);
  return runs.reduce(
    (sum, { summary }) => ({
      passed: sum.passed + summary.passedTests,
      failed: sum.failed + summary.failedTests + summary.errorRequests,
      skipped: sum.skipped + summary.skippedRequests,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
};

read('unit.json', jest);
read('edge-node.tap', tap);
read('edge-deno.xml', junit);
read('results.json', playwright);
read('bruno.json', bruno);
read('superset.tap', tap);
read('stack-down.tap', tap);

const line = `${total.passed} passed, ${total.failed} failed`;
console.log(total.skipped ? `${line}, ${total.skipped} skipped` : line);
