'use strict';
/**
 * Lists, at the end of a run, every suite that was skipped because a server is absent, with the reason
 * (carried in the suite title by test/support/servers.ts). Jest itself prints only a count for a file
 * whose tests are all skipped.
 */
class SkippedSuitesReporter {
  onRunComplete(_contexts, results) {
    const reasons = new Map();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        const title = test.ancestorTitles.find((name) => name.includes('[skipped: '));
        if (test.status === 'pending' && title) reasons.set(title, (reasons.get(title) ?? 0) + 1);
      }
    }
    if (reasons.size === 0) return;
    process.stderr.write('\nSkipped because a server is absent (counted as skipped, not passed):\n');
    for (const [title, count] of reasons) process.stderr.write(`  - ${title}: ${count} tests\n`);
  }
}
module.exports = SkippedSuitesReporter;
