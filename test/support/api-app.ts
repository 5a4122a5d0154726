import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Role, signDevelopmentToken } from '@bcl/identity';
import { apiConfigFromEnv } from '../../apps/api/src/config/api-config';
import { createApp } from '../../apps/api/src/create-app';
import { DemoDataOutcome, loadDemoDataIntoEmptyStore } from '../../apps/api/src/demo/load-demo-data';

export interface RunningApi {
  app: INestApplication;
  ledgerStore: string;
  http(): ReturnType<typeof request>;
  /** A development token; `personId` sets the `person` claim, for approvals and consultations. */
  token(role: Role | Role[], subject?: string, personId?: string): Promise<string>;
  close(): Promise<void>;
  /** What start-up did with the demo data, when it was asked for (loaded only into an empty store). */
  demoData?: DemoDataOutcome;
}

/**
 * Starts the real app (as `npm start` builds it) on a store, optionally with the demo data loaded as `npm start`
 * loads it: only into an empty store.
 */
export async function startApi(
  ledgerStore: string,
  options: { demoData?: boolean | 'registry'; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningApi> {
  const config = {
    ...apiConfigFromEnv({
      LEDGER_STORE: ledgerStore,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      // a spec's own return templates (test/api/returns-routes.ts `useTestReturnTemplates`)
      LEDGER_RETURN_TEMPLATE_DIR: process.env.LEDGER_RETURN_TEMPLATE_DIR,
      ...options.env,
    }),
    demoData: 'off' as const,
  };
  const app = await createApp(config);
  const demoData = options.demoData
    ? await loadDemoDataIntoEmptyStore(app, options.demoData === 'registry' ? 'registry' : 'all')
    : undefined;
  return {
    demoData,
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
