import { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { Role, signDevelopmentToken } from '@bcl/identity';
import { apiConfigFromEnv } from '../../apps/api/src/config/api-config';
import { createApp } from '../../apps/api/src/create-app';
import { loadDemoData } from '../../apps/api/src/demo/load-demo-data';

export interface RunningApi {
  app: INestApplication;
  ledgerStore: string;
  http(): ReturnType<typeof request>;
  /** A development token; `personId` sets the `person` claim, for approvals and consultations. */
  token(role: Role | Role[], subject?: string, personId?: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the real app (as `npm start` builds it) on a store, optionally with the demo registry loaded. */
export async function startApi(
  ledgerStore: string,
  options: { demoData?: boolean | 'registry' } = {},
): Promise<RunningApi> {
  const config = {
    ...apiConfigFromEnv({ LEDGER_STORE: ledgerStore, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    loadDemoData: false,
  };
  const app = await createApp(config);
  if (options.demoData)
    await loadDemoData(app.get(CommandBus), options.demoData === 'registry' ? 'registry' : 'all');
  return {
    app,
    ledgerStore,
    http: () => request(app.getHttpServer()),
    token: (role, subject = `test-${[role].flat().join('-')}`, personId?: string) =>
      signDevelopmentToken({
        roles: [role].flat(),
        subject,
        displayName: `Tester ${subject}`,
        organisationId: 'kent-county-council',
        personId,
      }),
    close: () => app.close(),
  };
}
