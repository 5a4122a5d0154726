import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, keyringOf, verifyStore } from '@bcl/event-store';
import { openEventStore } from '@bcl/event-store-open';
import { apiConfigFromEnv } from '../../apps/api/src/config/api-config';
import { createApp } from '../../apps/api/src/create-app';
import { loadDemoDataIntoEmptyStore } from '../../apps/api/src/demo/load-demo-data';

describe('an API instance with SIGNING_KEY_FILE', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-api-signing-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const keyFile = (role: 'service' | 'checkpoint') => {
    const { keyFile: text, entry } = generateSigningKey(role, 'api instance, test', '2025-01-01T00:00:00Z');
    const path = join(dir, `${role}.key`);
    writeFileSync(path, text, { mode: 0o600 });
    return { path, keyring: keyringOf([entry]) };
  };
  const configFor = (signingKeyFile: string) => ({
    ...apiConfigFromEnv({
      LEDGER_STORE: `sqlite:${join(dir, 'ledger.db')}`,
      LOG_LEVEL: 'silent',
      SIGNING_KEY_FILE: signingKeyFile,
    }),
    demoData: 'off' as const,
  });

  it('signs every event it writes with its service key', async () => {
    const { path, keyring } = keyFile('service');
    const config = configFor(path);
    expect(config.signingKeyFile).toBe(path);
    const app = await createApp(config);
    try {
      await loadDemoDataIntoEmptyStore(app, 'registry');
    } finally {
      await app.close();
    }
    const store = await openEventStore(config.ledgerStore, { mustExist: true });
    try {
      const report = await verifyStore(store, undefined, { keyring: keyring });
      expect(report.ok).toBe(true);
      expect(report.eventsChecked).toBeGreaterThan(10);
      expect(report).toMatchObject({ signedEvents: report.eventsChecked, unsignedEvents: 0 });
    } finally {
      await store.close();
    }
  });

  it('refuses to start with a checkpoint key, or a key file it cannot read', async () => {
    const { path } = keyFile('checkpoint');
    await expect(createApp(configFor(path))).rejects.toThrow(
      `${path} holds a checkpoint key; this writer signs only with a key of role service`,
    );
    await expect(createApp(configFor(join(dir, 'missing.key')))).rejects.toThrow(
      `cannot read the signing key file ${join(dir, 'missing.key')}: no such file`,
    );
  });
});
