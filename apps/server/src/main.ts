import { apiConfigFromEnv } from '../../api/src/config/api-config';
import { describeDemoData, loadDemoDataIntoEmptyStore } from '../../api/src/demo/load-demo-data';
import { webConfigFromEnv } from '../../web/src/web-config';
import { createServer } from './create-server';

/**
 * `npm start`: the API and the web pages on the configured store (embedded SQLite by default). The demo data is loaded only into an
 * empty store (LEDGER_DEMO_DATA=load, the default outside production); a store holding anything starts as it is.
 */
async function main(): Promise<void> {
  const config = apiConfigFromEnv();
  const app = await createServer(config, webConfigFromEnv());
  const demoData = config.demoData === 'load' ? await loadDemoDataIntoEmptyStore(app) : 'off';
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  const lines = [
    `Better Care Ledger listening on ${url}`,
    `  web pages:     ${url}/  (sign in: ${url}/sign-in)`,
    `  event store:   ${config.ledgerStore}`,
    `  service store: ${config.serviceStore}`,
    `  demo data:     ${describeDemoData(demoData)}`,
    `  API docs:      ${url}/api/docs  (OpenAPI: ${url}/api/openapi.json)`,
    `  health:        ${url}/health/ready`,
    config.developmentAuth
      ? '  tokens:        npx bcl token --role auditor   (development secret; roles: auditor, finance-officer, governance-officer, programme-lead, admin)'
      : `  tokens:        from your identity provider (issuer ${config.auth.issuer ?? 'shared secret'})`,
    `  try:           curl -H "Authorization: Bearer $(npx bcl token --role auditor)" ${url}/api/areas/kent/organisations?asAt=2017-09-11`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`bcl-api: ${error.message}\n`);
  process.exit(1);
});
