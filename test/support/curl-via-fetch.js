'use strict';
/* global fetch */
// `curl` for the README examples test, through Node's fetch (so the test needs no curl binary). It takes only
// what the README's examples use: `-H`/`--header` and one URL, GET. It prints the body and exits 1 unless the
// answer is 2xx, so a README example that gets an error fails the test.
const args = process.argv.slice(2);
const headers = {};
let url;
for (let i = 0; i < args.length; i += 1) {
  const arg = args[i];
  if (arg === '-H' || arg === '--header') {
    const header = args[(i += 1)] ?? '';
    const colon = header.indexOf(':');
    if (colon < 1) fail(`malformed header '${header}'`);
    headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
  } else if (/^https?:\/\//.test(arg) && url === undefined) url = arg;
  else fail(`the README examples test does not understand '${arg}'; teach test/support/curl-via-fetch.js`);
}
if (url === undefined) fail('no URL');

fetch(url, { headers }).then(
  async (response) => {
    const body = await response.text();
    process.stdout.write(`${body}\n`);
    if (response.status < 200 || response.status > 299) fail(`${url} answered ${response.status}`);
  },
  (error) => fail(`${url}: ${error.message}`),
);

function fail(message) {
  process.stderr.write(`curl: ${message}\n`);
  process.exit(1);
}
