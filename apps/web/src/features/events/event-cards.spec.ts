import nunjucks from 'nunjucks';
import { StoredEvent } from '@bcl/event-store';
import { webSourceDirectory } from '../../views/nunjucks-environment';
import { EventRow, rowOf } from './events.controller';

const stored = (metadata: Record<string, unknown>): StoredEvent => ({
  eventId: '00000000-0000-4000-8000-000000000001',
  stream: 'pooled-fund-kent-bcf-2017-18',
  revision: 3,
  position: 42n,
  type: 'FundTransactionPosted',
  schemaVersion: 1,
  data: { amountPence: 500_000_000 },
  metadata: { actor: { id: 'os-user:ops' }, correlationId: 'c', ...metadata } as StoredEvent['metadata'],
  recordedAt: '2026-11-30T10:00:00.000Z',
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
});

function render(events: EventRow[]): string {
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(webSourceDirectory()), {
    autoescape: true,
  });
  return environment.render('features/events/event-cards.njk', { events, pagination: {} });
}

describe("the events browser's cards", () => {
  it('mark an operator write, with the reason the operator gave (escaped)', () => {
    const row = rowOf(
      stored({ operatorWrite: { reason: 'correcting <a> test entry', intoContextStream: true } }),
    );
    expect(row.operatorWrite).toEqual({ reason: 'correcting <a> test entry', intoContextStream: true });
    const html = render([row]);
    expect(html).toContain('>Operator write</strong>');
    expect(html).toContain('Written by an operator');
    expect(html).toContain(
      "into a context's stream on purpose. Reason given: correcting &lt;a&gt; test entry",
    );
  });

  it('do not mark an event a context wrote', () => {
    const row = rowOf(stored({ reason: 'posted by the finance officer' }));
    expect(row.operatorWrite).toBeNull();
    const html = render([row]);
    expect(html).toContain('Position 42: FundTransactionPosted');
    expect(html).not.toContain('Operator write');
  });
});
