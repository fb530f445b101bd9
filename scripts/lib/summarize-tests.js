// Prints "N passed, M failed[, K skipped]" over jest's and Playwright's JSON
// reports. A missing report counts as one failure: that tier did not run.
const fs = require('node:fs');

const [unitPath, e2ePath] = process.argv.slice(2);
const total = { passed: 0, failed: 0, skipped: 0 };

function read(path) {
  try {
    return JSON.parse(fs.readFileSync(path, 'utf8'));
  } catch {
    console.error(`no test report at ${path}`);
    total.failed += 1;
    return undefined;
  }
}

const unit = read(unitPath);
if (unit) {
  total.passed += unit.numPassedTests;
  total.failed += unit.numFailedTests;
  total.skipped += unit.numPendingTests + unit.numTodoTests;
}

const e2e = read(e2ePath);
if (e2e) {
  // Playwright: expected = passed, unexpected = failed, flaky = passed on retry.
  total.passed += e2e.stats.expected + e2e.stats.flaky;
  total.failed += e2e.stats.unexpected;
  total.skipped += e2e.stats.skipped;
}

const line = `${total.passed} passed, ${total.failed} failed`;
console.log(total.skipped ? `${line}, ${total.skipped} skipped` : line);
