import { RunningApi } from '../support/api-app';

/** Counts of a fault test's writes: attempted, and answered per status. */
export class WriteTally {
  attempted = 0;
  readonly answered = new Map<number, number>();

  note(status: number): number {
    this.attempted += 1;
    this.answered.set(status, (this.answered.get(status) ?? 0) + 1);
    return status;
  }

  toString(): string {
    const statuses = [...this.answered].map(([status, count]) => `${count}×${status}`).join(', ');
    return `${this.attempted} writes attempted, answered ${statuses}`;
  }
}

/** Registers a person (one event, one vault entry); the answer as it came. */
export async function registerPerson(api: RunningApi, token: string, name: string) {
  return api
    .http()
    .post('/api/people')
    .set('Authorization', `Bearer ${token}`)
    .send({ displayName: name, reason: 'fault test' });
}

type Answer = Awaited<ReturnType<ReturnType<RunningApi['http']>['get']>>;

/** Polls /health/ready until `until` holds, for at most `timeoutMs`; returns the last answer. */
export async function readinessUntil(
  api: RunningApi,
  until: (answer: Answer) => boolean,
  timeoutMs: number,
): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await api.http().get('/health/ready');
    if (until(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls /health/ready until it answers `status`, for at most `timeoutMs`; returns the last answer. */
export function readinessBecomes(api: RunningApi, status: number, timeoutMs: number): Promise<Answer> {
  return readinessUntil(api, (answer) => answer.status === status, timeoutMs);
}

/** Whether a readiness answer says some projection is failing (not merely that a store is down). */
export function projectionFailing(answer: Answer): boolean {
  const projections = (answer.body?.checks?.projections ?? {}) as Record<string, { error?: string | null }>;
  return Object.values(projections).some((projection) => /is failing/.test(projection.error ?? ''));
}
