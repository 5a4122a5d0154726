import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, newEventId } from '@bcl/event-store';
import { EVENT_STORE } from '@bcl/application';
import { ReturnContext } from '@bcl/application';
import { ALL, RouteCase, reason } from './routes/route-case';
import type { RunningApi } from '../support/api-app';

/**
 * A directory of return templates for the specs: the repository's reference files (where merged) and the specs'
 * own small 2017-18 template (`returns.template.json`), set as `LEDGER_RETURN_TEMPLATE_DIR`. Returns the
 * directory and how to restore the setting (and remove the directory).
 */
export function useTestReturnTemplates(): { dir: string; restore(): void } {
  const previous = process.env['LEDGER_RETURN_TEMPLATE_DIR'];
  const dir = mkdtempSync(join(tmpdir(), 'bcl-return-templates-'));
  const reference = join(__dirname, '..', '..', 'libs', 'domain-returns', 'reference');
  if (existsSync(reference))
    for (const file of readdirSync(reference).filter((name) => name.endsWith('.json')))
      copyFileSync(join(reference, file), join(dir, file));
  copyFileSync(join(__dirname, 'returns.template.json'), join(dir, 'bcf-quarterly-2017-18.json'));
  process.env['LEDGER_RETURN_TEMPLATE_DIR'] = dir;
  return {
    dir,
    restore: () => {
      rmSync(dir, { recursive: true, force: true });
      if (previous === undefined) delete process.env['LEDGER_RETURN_TEMPLATE_DIR'];
      else process.env['LEDGER_RETURN_TEMPLATE_DIR'] = previous;
    },
  };
}

/**
 * Records a complete approval of a return's version straight into its approvals stream, bypassing governance's
 * authority checks: the returns' specs test what submission does with an approval (of this version or an earlier
 * one), not who may give it. The Chair's sign-off through governance's route (`{kind: 'chair', bodyId}`) is
 * tested in governance-chair-sign-off.e2e.spec.ts.
 */
export async function signReturnOff(api: RunningApi, returnId: string, version: number, approvalId: string) {
  await api.app.get<EventStore>(EVENT_STORE).append(
    `approvals-quarterly-return-${returnId}`,
    [
      {
        eventId: newEventId(),
        type: 'ApprovalRecorded',
        data: {
          approvalId,
          instrument: { kind: 'quarterly-return', id: returnId, version },
          actorPersonId: 'p-medway-chair',
          actingPostId: 'medway-hwb-chair',
          authority: { kind: 'resolution', resolutionId: 'medway-test-resolution' },
          effectiveOn: '2017-08-01',
          amountPence: null,
          provisionalConditions: null,
          consultationIds: [],
          coSignatureIds: [],
          complete: true,
        },
        metadata: { actor: { id: 'test', authority: 'test' }, correlationId: 'test', reason: 'sign-off' },
      },
    ],
    'any',
  );
}

const R = '/api/returns';
const COMPLETERS = ['finance-officer', 'programme-lead'] as const;
const Q1 = `${R}/medway-2017-18-q1`;

/** The returns' routes, in the order their samples run: Medway's 2017-18 Q1 through its lifecycle, then Q2. */
export const RETURN_ROUTES: RouteCase[] = [
  {
    method: 'post',
    template: R,
    path: R,
    body: { areaId: 'medway', financialYear: '2017-18', quarter: 1, effectiveOn: '2017-07-01', reason },
    roles: COMPLETERS,
  },
  {
    method: 'patch',
    template: `${R}/{returnId}/values`,
    path: `${Q1}/values`,
    body: {
      values: { 'cover.completedBy': 'A. Officer', 'ie.income.actual.q1': 100 },
      reason,
      effectiveOn: '2017-07-10',
    },
    roles: COMPLETERS,
  },
  {
    method: 'post',
    template: `${R}/{returnId}/validation`,
    path: `${Q1}/validation`,
    body: { reason, effectiveOn: '2017-07-11' },
    roles: COMPLETERS,
  },
  {
    method: 'post',
    template: `${R}/{returnId}/submission`,
    path: `${Q1}/submission`,
    body: { submittedAt: '2017-08-20T10:00:00Z', channel: 'email', fileName: 'Medway HWB', reason },
    roles: COMPLETERS,
    // filled (the blocking rule; the Q1 figure Q2 amends) and its current version signed off, whatever the
    // samples before it recorded
    prepare: async (api) => {
      const token = await api.token('finance-officer');
      await api
        .http()
        .patch(`${Q1}/values`)
        .set('Authorization', `Bearer ${token}`)
        .send({
          values: { 'cover.completedBy': 'A. Officer', 'ie.income.actual.q1': 100 },
          reason,
          effectiveOn: '2017-08-01', // before the sample submission's date
        })
        .expect(200);
      const version = await api.app.get(ReturnContext).currentVersion('medway-2017-18-q1');
      await signReturnOff(api, 'medway-2017-18-q1', version, 'matrix-q1');
    },
  },
  {
    method: 'post',
    template: `${R}/{returnId}/amendments`,
    path: `${R}/medway-2017-18-q2/amendments`,
    body: { field: 'ie.income.actual.q1', value: 120, reason },
    roles: COMPLETERS,
    prepare: async (api) => {
      const token = await api.token('finance-officer');
      await api
        .http()
        .post(R)
        .set('Authorization', `Bearer ${token}`)
        .send({ areaId: 'medway', financialYear: '2017-18', quarter: 2, effectiveOn: '2017-10-01', reason })
        .expect(201);
    },
  },
  { method: 'get', template: `${R}/{returnId}`, path: `${Q1}?basis=as-restated`, roles: ALL },
  { method: 'get', template: `${R}/{returnId}/checks`, path: `${Q1}/checks`, roles: ALL },
  { method: 'get', template: `${R}/{returnId}/export`, path: `${Q1}/export?format=xlsx`, roles: ALL },
  { method: 'get', template: `${R}/{returnId}/history`, path: `${Q1}/history`, roles: ALL },
  {
    method: 'get',
    template: '/api/areas/{id}/returns',
    path: '/api/areas/medway/returns?year=2017-18',
    roles: ALL,
  },
];
