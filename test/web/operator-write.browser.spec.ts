import { Browser, BrowserContext, Page } from 'playwright-core';
import { StoredEvent } from '@bcl/event-store';
import { runCli } from '../support/child-process';
import { withEventStore } from '../support/durable-stores';
import { readWholeLog } from '../support/read-log';
import {
  DemoServer,
  accessibilityViolations,
  describeInBrowser,
  launchChromium,
  signedIn,
  startDemoServer,
} from './support/browser';

const REASON = 'restoring the approval lost in the migration';
/** The mark as read with CSS off; the events browser also says the operator insisted on a context's stream. */
const MARK = `Operator write: recorded with bcl append, not by the ledger's rules. Reason given: ${REASON}`;
const EVENTS_MARK = MARK.replace('rules.', "rules, into a context's stream on purpose.");

/** The visible text of `locator`'s first match, its white space collapsed. */
const textOf = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describeInBrowser('operator writes (bcl append) are marked on the pages that show them, in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let auditor: BrowserContext;
  let knownAt: string;
  const bcl = (...args: string[]) => runCli(['--store', server.ledgerStore, ...args]);
  /** Appends a copy of `event` under a new id, as an operator writes into a context's stream. */
  const appendCopy = async (event: StoredEvent, data: Record<string, unknown>) => {
    const appended = await bcl(
      'append',
      '--stream',
      event.stream,
      '--type',
      event.type,
      '--data',
      JSON.stringify({ ...event.data, ...data }),
      '--into-context-stream',
      '--reason',
      REASON,
    );
    expect(appended).toMatchObject({ code: 0 });
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    auditor = await signedIn(browser, server.url, 'auditor');
    const log = await withEventStore(server.ledgerStore, readWholeLog);
    const approval = log.find(
      (e) =>
        e.type === 'ApprovalRecorded' &&
        (e.data as { instrument?: { id?: string } }).instrument?.id === 'kent-2017-19',
    )!;
    const posting = log.find(
      (e) =>
        e.type === 'FundTransactionPosted' &&
        e.stream.includes('southend-bcf') &&
        e.stream.includes('2016-17'),
    )!;
    await appendCopy(approval, { approvalId: 'kent-2017-19-forged' });
    await appendCopy(posting, { transactionId: 'southend-operator-journal' });
    knownAt = new Date().toISOString();
  }, 180_000);
  afterAll(async () => {
    await auditor?.close();
    await browser?.close();
    await server?.close();
  });

  const visit = async (path: string) => {
    const page = await auditor.newPage();
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    return page;
  };

  it("marks the forged approval in the plan's sign-off history, with its reason, and not the real one", async () => {
    const page = await visit(`/plans/kent-2017-19?knownAt=${knownAt}`);
    const cards = page.locator('#sign-off ~ .govuk-summary-card');
    const forged = cards.filter({ hasText: 'Approval kent-2017-19-forged' });
    expect(((await forged.locator('.bcl-operator-write').textContent()) ?? '').replace(/\s+/g, ' ')).toBe(
      MARK,
    );
    const real = cards.filter({ hasNotText: 'kent-2017-19-forged' });
    await expect(real.count()).resolves.toBeGreaterThan(0);
    await expect(real.locator('.bcl-operator-write').count()).resolves.toBe(0);
    await page.close();
  });

  it('marks it on the decisions timeline and its decision page', async () => {
    const page = await visit(`/decisions?bodyId=kent-hwb&knownAt=${knownAt}`);
    const items = page.locator('.moj-timeline__item');
    const forged = items.filter({ hasText: 'kent-2017-19-forged' });
    await expect(forged.locator('.bcl-operator-write').count()).resolves.toBe(1);
    await expect(page.locator('.bcl-operator-write').count()).resolves.toBe(1);
    await page.close();
    const decision = await visit(
      `/decisions/instruments/bcf-plan/kent-2017-19/approvals/kent-2017-19-forged?knownAt=${knownAt}`,
    );
    await expect(textOf(decision, '.bcl-operator-write')).resolves.toBe(MARK);
    await decision.close();
  });

  it("marks the operator's journal among the pooled fund's transactions, and no other transaction", async () => {
    const page = await visit(`/fund/southend-bcf/2016-17/transactions?knownAt=${knownAt}`);
    await expect(textOf(page, '#transaction-southend-operator-journal .bcl-operator-write')).resolves.toBe(
      MARK,
    );
    await expect(page.locator('.bcl-operator-write').count()).resolves.toBe(1);
    await page.close();
  });

  it('marks both on the events browser, with the same mark', async () => {
    const page = await visit('/events/streams/approvals-bcf-plan-kent-2017-19');
    await expect(page.locator('.bcl-operator-write').count()).resolves.toBe(1);
    await expect(textOf(page, '.bcl-operator-write')).resolves.toBe(EVENTS_MARK);
    await page.close();
  });
});
