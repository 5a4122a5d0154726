import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { signDevelopmentToken } from '@bcl/identity';
import {
  DemoServer,
  accessibilityViolations,
  describeInBrowser,
  launchChromium,
  signedIn,
  startDemoServer,
} from './support/browser';

const ROOT = join(__dirname, '..', '..');
const KENT_PLAN = '/decisions/instruments/bcf-plan/kent-2017-19';
/** A delegation of the Kent plan's sign-off that expired on 1 September 2017 (recorded by the suite, not the demo). */
const EXPIRED = 'kent-hwb-2017-06-14-expired-sign-off';

/** How many events the log holds, as `bcl verify` counts them (read from the store while the server runs). */
async function eventCount(store: string): Promise<number> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'bin', 'bcl.js'), '--store', store, 'verify'],
    { cwd: ROOT },
  );
  const match = /OK: (\d+) events in the store verified/.exec(stdout);
  if (!match) throw new Error(`bcl verify said: ${stdout}`);
  return Number(match[1]);
}

describeInBrowser('the decisions pages in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let auditor: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    // A delegation granted under the Board's resolution of 14 June 2017, in force only until 1 September 2017.
    const token = await signDevelopmentToken({
      roles: ['governance-officer'],
      subject: 'decisions-suite',
      displayName: 'Decisions suite',
      organisationId: 'kent-county-council',
    });
    const granted = await fetch(`${server.url}/api/governance/delegations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        delegationId: EXPIRED,
        grantingBodyId: 'kent-hwb',
        resolutionId: 'kent-hwb-2017-06-14-bcf-sign-off',
        purpose: 'Sign-off of the Kent BCF plan 2017-19 until 1 September 2017 (a test delegation)',
        delegates: { mode: 'one', posts: ['kent-hwb-chair'] },
        consultees: [],
        scope: { instrumentKind: 'bcf-plan', instrumentId: 'kent-2017-19', financialLimitPence: null },
        validFrom: '2017-06-14',
        validUntil: '2017-09-01',
        reason: 'browser suite: a delegation that expires',
      }),
    });
    expect(granted.status).toBe(201);
    auditor = await signedIn(browser, server.url, 'auditor');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page as the auditor and checks it has no axe violations. */
  async function open(path: string, context = auditor): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    expect(await accessibilityViolations(page)).toEqual([]);
    return page;
  }

  it('shows the timeline of meetings, resolutions, delegations, approvals and report-backs, filtered by body', async () => {
    const page = await open('/decisions?bodyId=kent-hwb');
    const titles = await page.locator('.moj-timeline__title').allTextContents();
    expect(titles).toEqual(
      expect.arrayContaining([
        'Meeting: kent-hwb-2017-06-14',
        'Resolution: kent-hwb-2017-06-14-bcf-sign-off',
        'Delegation granted: kent-hwb-2017-06-14-bcf-sign-off',
        'Approval: kent-2017-19-v1-chairman',
        'Report-back: kent-hwb-2017-06-14-bcf-sign-off',
        'Meeting: kent-hwb-2017-09-20',
      ]),
    );
    expect(titles.some((title) => title.includes('southend'))).toBe(false);
    // in effective-date order: the approval of 11 September 2017 before the report-back of 20 September
    expect(titles.indexOf('Approval: kent-2017-19-v1-chairman')).toBeLessThan(
      titles.indexOf('Report-back: kent-hwb-2017-06-14-bcf-sign-off'),
    );
    await page.close();
  });

  it('shows a decision with its maker, post, authority chain, holders on the day, evidence, and log position and hash', async () => {
    const page = await open(`${KENT_PLAN}/approvals/kent-2017-19-v1-chairman`);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Date of decision\s+11 September 2017/);
    expect(text).toMatch(/Decision maker\s+Peter Oakford/);
    expect(text).toMatch(/Post\s+Chair, Kent HWB/);
    const chain = await page.locator('.bcl-authority-chain > li').allInnerTexts();
    expect(chain).toHaveLength(5);
    expect(chain[0]).toContain('kent-2017-19-v1-chairman');
    expect(chain[1]).toContain('Delegation kent-hwb-2017-06-14-bcf-sign-off');
    expect(chain[2]).toContain('Resolution kent-hwb-2017-06-14-bcf-sign-off');
    expect(chain[3]).toContain('Meeting of 14 June 2017');
    expect(chain[4]).toContain('Kent Health and Wellbeing Board');
    expect(chain[4]).toContain('Mr R W Gough'); // the Chairman on 14 June 2017, not on 11 September
    expect(text).toContain('000:34-36');
    expect(text).toMatch(/Event\s+ApprovalRecorded in stream approvals-bcf-plan-kent-2017-19, revision 0/);
    expect(text).toMatch(/Log position\s+\d+/);
    expect(text).toMatch(/Hash\s+[0-9a-f]{64}/);
    // the chain leads on to the meeting and the body
    await page.getByRole('link', { name: 'of 14 June 2017' }).click();
    expect(new URL(page.url()).pathname).toBe('/decisions/meetings/kent-hwb-2017-06-14');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the register of decisions taken under delegated authority, and delegations in force on a date', async () => {
    const register = await open('/decisions/register');
    const rows = await register.locator('tbody tr').allInnerTexts();
    expect(rows.some((row) => row.includes('11 September 2017') && row.includes('Peter Oakford'))).toBe(true);
    await register.close();

    const onDate = await open('/decisions/delegations?on=2017-08-01');
    const inForce = await onDate.locator('table').first().locator('tbody tr').allInnerTexts();
    expect(inForce.join('\n')).toContain('kent-hwb-2017-06-14-bcf-sign-off');
    expect(inForce.join('\n')).toContain(EXPIRED); // the test delegation, still in force that day
    // Kent's report-back is due by the Board of 20 September 2017: not yet made on 1 August, and not overdue
    const captions = await onDate.locator('caption').allInnerTexts();
    expect(captions[1]).toBe('Report-backs overdue on 1 August 2017 (1)');
    expect(captions[2]).toBe('Report-backs due, not yet made, on 1 August 2017 (1)');
    const due = await onDate.locator('table').nth(2).locator('tbody tr').allInnerTexts();
    expect(due).toHaveLength(1);
    expect(due[0]).toContain('kent-hwb-2017-06-14-bcf-sign-off');
    expect(due[0]).toContain('20 September 2017');
    await onDate.close();
    const later = await open('/decisions/delegations?on=2017-09-20');
    const laterRows = (await later.locator('table').first().locator('tbody tr').allInnerTexts()).join('\n');
    expect(laterRows).not.toContain(EXPIRED);
    const overdue = (await later.locator('table').nth(1).locator('tbody tr').allInnerTexts()).join('\n');
    expect(overdue).toContain('southend-hwb-2017-03-22-bcf'); // due at the Board of 21 June 2017
    expect(overdue).toContain('21 June 2017');
    // Kent's was made at the Board of 20 September 2017: neither overdue nor due
    const owed = (await later.locator('table').nth(2).locator('tbody tr').allInnerTexts()).join('\n');
    expect(`${overdue}\n${owed}`).not.toContain('kent-hwb-2017-06-14-bcf-sign-off');
    await later.close();
  });

  it('shows the body, meeting and delegation pages', async () => {
    const body = await open('/decisions/bodies/kent-hwb');
    await expect(body.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'Kent Health and Wellbeing Board',
    );
    await body.close();
    // as known by tomorrow: everything the suite's server has recorded today
    const knownAt = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const meeting = await open(`/decisions/meetings/kent-hwb-2017-09-20?asAt=2017-12-31&knownAt=${knownAt}`);
    // the data link keeps the whole viewpoint
    await expect(
      meeting.getByRole('link', { name: 'the meeting (JSON)' }).getAttribute('href'),
    ).resolves.toBe(
      // the date is read as the end of its day, and the link carries that instant, which the API takes
      `/api/governance/meetings/kent-hwb-2017-09-20?asAt=2017-12-31&knownAt=${knownAt}T23%3A59%3A59.999Z`,
    );
    await expect(meeting.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'Meeting of 20 September 2017',
    );
    await meeting.close();
    const delegation = await open('/decisions/delegations/kent-hwb-2017-06-14-bcf-sign-off');
    const text = await delegation.locator('main').innerText();
    expect(text).toContain('Reported back');
    await expect(
      delegation.getByRole('link', { name: 'Approval kent-2017-19-v1-chairman' }).count(),
    ).resolves.toBe(1);
    expect(text).toContain('20 September 2017');
    await delegation.close();
    // a report-back not yet made says by when it is due (the Board's next meeting after the grant, resolved)
    const owing = await open('/decisions/delegations/southend-hwb-2017-03-22-bcf');
    await expect(owing.locator('main').innerText()).resolves.toMatch(
      /Reported back\s+Not yet: due by 21 June 2017/,
    );
    await owing.close();
    const instrument = await open(KENT_PLAN);
    await expect(instrument.getByRole('link', { name: 'kent-2017-19-v1-chairman' }).count()).resolves.toBe(1);
    await instrument.close();
  });

  it('refuses a governance officer’s approval after the delegation expired, with the reason in the error summary, recording nothing', async () => {
    const officer = await signedIn(browser, server.url, 'governance-officer', { personId: 'p-0002' });
    const page = await open(`${KENT_PLAN}/record-approval`, officer);
    const before = await eventCount(server.ledgerStore);
    // the date first: what may be chosen depends on it
    await page.getByLabel('Date of the decision').fill('2017-09-20');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.searchParams.get('effectiveOn') === '2017-09-20');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Version signed').fill('1');
    // the posts p-0002 holds that day are offered, not typed
    await page.getByLabel(/\(kent-hwb-chair\)/).check();
    // the expired delegation is not offered on 20 September 2017; it can still be named, and is refused
    const offered = await page
      .locator('input[name="authority"]')
      .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('value')));
    expect(offered).not.toContain(`delegation:${EXPIRED}`);
    expect(offered).toEqual(expect.arrayContaining(['resolution', 'other-delegation']));
    await page.getByLabel('Another delegation (give its id)').check();
    await page.getByLabel("The delegation's id, if you chose another delegation").fill(EXPIRED);
    await page.getByLabel('Why you are recording it').fill('Chairman signs after the delegation ended');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Record the approval' }).click(),
    ]);
    expect(response.status()).toBe(409);
    await page.waitForLoadState();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.getByRole('heading').innerText()).resolves.toBe('There is a problem');
    await expect(summary.innerText()).resolves.toMatch(/authority: .*not-in-force/);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await eventCount(server.ledgerStore)).toBe(before);
    await officer.close();
  });

  it('shows the form’s own validation as the API does, recording nothing', async () => {
    const officer = await signedIn(browser, server.url, 'governance-officer', { personId: 'p-0002' });
    const page = await open(`${KENT_PLAN}/record-approval?effectiveOn=2017-09-20`, officer);
    const before = await eventCount(server.ledgerStore);
    await page.getByLabel('Version signed').fill('one');
    await page.getByLabel('Amount in pounds (optional)').fill('1,234.567');
    await page.getByRole('button', { name: 'Record the approval' }).click();
    await page.waitForLoadState();
    const items = await page.locator('.govuk-error-summary__list a').allInnerTexts();
    expect(items).toEqual(
      expect.arrayContaining([
        'version: must be a whole number',
        'authority.kind: is required: choose the authority you act under',
        'amount: must have at most 2 decimal places (whole pence)',
        'reason: is required',
      ]),
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await eventCount(server.ledgerStore)).toBe(before);
    await officer.close();
  });

  it('says plainly when the signed-in person held no post on the date, and offers no form to send', async () => {
    const officer = await signedIn(browser, server.url, 'governance-officer', { personId: 'p-0002' });
    // p-0002 became the Kent HWB's Chairman on 11 September 2017
    const page = await open(`${KENT_PLAN}/record-approval?effectiveOn=2017-01-10`, officer);
    await expect(page.getByRole('heading', { level: 2 }).first().innerText()).resolves.toBe(
      'You held no post on 10 January 2017',
    );
    await expect(page.getByRole('button', { name: 'Record the approval' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Change the date of the decision' }).click();
    await expect(page.getByLabel('Date of the decision').count()).resolves.toBe(1);
    await officer.close();
  });

  it('records a consultee’s consultation and shows it on the instrument’s page', async () => {
    const chair = await signedIn(browser, server.url, 'governance-officer', { personId: 'p-0007' });
    const instrument = '/decisions/instruments/ibcf-plan/southend-on-sea-2017-18';
    const page = await open(`${instrument}/record-consultation`, chair);
    const before = await eventCount(server.ledgerStore);
    await page.getByLabel('Date consulted').fill('2017-07-03');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.searchParams.get('on') === '2017-07-03');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Version consulted on').fill('1');
    // the delegation naming the Chair's post as a consultee, in force that day, is offered
    await page.getByLabel('Delegation southend-hwb-2017-06-21-ibcf', { exact: true }).check();
    await page.getByLabel(/\(southend-hwb-chair\)/).check();
    await page.getByLabel('Concurred').check();
    await page.getByLabel('Why you are recording it').fill('The Chair was consulted on the iBCF plan');
    await page.getByRole('button', { name: 'Record the consultation' }).click();
    await page.waitForURL((url) => url.pathname === instrument);
    // the id is made on the server from the instrument, version, post and date
    expect(new URL(page.url()).hash).toBe('#southend-on-sea-2017-18-v1-southend-hwb-chair-2017-07-03');
    const row = page.locator('#southend-on-sea-2017-18-v1-southend-hwb-chair-2017-07-03');
    await expect(row.innerText()).resolves.toContain('concurred');
    await expect(row.innerText()).resolves.toContain('3 July 2017');
    expect(await eventCount(server.ledgerStore)).toBe(before + 1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await chair.close();
  });

  it('records a meeting’s resolution under an id made from the meeting and minute, and refuses the same minute again, recording nothing', async () => {
    const officer = await signedIn(browser, server.url, 'governance-officer');
    const meeting = '/decisions/meetings/kent-hwb-2017-09-20';
    const fill = async (page: Page) => {
      await page.getByLabel('Minute number (optional)').fill('12');
      await page
        .getByLabel('The resolution, verbatim')
        .fill('(a) note the sign-off of the BCF plan 2017-19 under delegation; and\n(b) thank the Chairman.');
      await page.getByLabel('Noted').check();
      await page.getByLabel('Why you are recording it').fill('Minutes of the Board of 20 September 2017');
      await page.getByRole('button', { name: 'Record the resolution' }).click();
    };
    const form = await open(`${meeting}/record-resolution`, officer);
    // the posts it may authorise are offered, not typed: the Kent area's posts on the day
    await expect(form.getByLabel(/\(kent-hwb-chair\)/).count()).resolves.toBe(1);
    await fill(form);
    await form.waitForURL((url) => url.pathname === meeting);
    expect(new URL(form.url()).hash).toBe('#kent-hwb-2017-09-20-12');
    const section = form.locator('[id="kent-hwb-2017-09-20-12"]');
    await expect(section.innerText()).resolves.toContain('(b) thank the Chairman.');
    expect(await accessibilityViolations(form)).toEqual([]);

    const before = await eventCount(server.ledgerStore);
    const again = await open(`${meeting}/record-resolution`, officer);
    await fill(again);
    await again.waitForLoadState();
    await expect(again.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'minuteNo: minute 12 is already recorded at this meeting',
    );
    expect(await eventCount(server.ledgerStore)).toBe(before);
    await officer.close();
  });

  it('reads the posts a resolution authorises from the ticked boxes, and keeps them ticked when it is refused', async () => {
    const officer = await signedIn(browser, server.url, 'governance-officer');
    const page = await open('/decisions/meetings/kent-hwb-2017-09-20/record-resolution', officer);
    const before = await eventCount(server.ledgerStore);
    await page.getByLabel(/\(kent-hwb-chair\)/).check();
    await page.getByLabel('The resolution, verbatim').fill('authorise the Chairman to sign the plan');
    await page.getByLabel('Resolved').check();
    await page.getByLabel('Why you are recording it').fill('A resolution that authorises a post');
    await page.getByRole('button', { name: 'Record the resolution' }).click();
    await page.waitForLoadState();
    // a post authorised needs the kind of instrument it may approve ("None" was left chosen)
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'authorises.instrumentKind',
    );
    await expect(page.getByLabel(/\(kent-hwb-chair\)/).isChecked()).resolves.toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await eventCount(server.ledgerStore)).toBe(before);
    await officer.close();
  });

  it('refuses a resolution that names an instrument but ticks no post, rather than recording it authorising no one', async () => {
    const officer = await signedIn(browser, server.url, 'governance-officer');
    const page = await open('/decisions/meetings/kent-hwb-2017-09-20/record-resolution', officer);
    const before = await eventCount(server.ledgerStore);
    await page.getByLabel('The resolution, verbatim').fill('authorise the Chairman to sign the plan');
    await page.getByLabel('Resolved').check();
    await page.getByLabel('Kind of instrument they may approve').selectOption('bcf-plan');
    await page.getByLabel("The instrument's id (optional: any of that kind)").fill('kent-2017-19');
    await page.getByLabel('Why you are recording it').fill('A resolution with its posts forgotten');
    await page.getByRole('button', { name: 'Record the resolution' }).click();
    await page.waitForLoadState();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'choose the posts it authorises to approve that instrument',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await eventCount(server.ledgerStore)).toBe(before);
    await officer.close();
  });

  it('reads with JavaScript off: the timeline, a decision and the delegations on a date', async () => {
    const reading = await signedIn(browser, server.url, 'auditor', { javaScriptEnabled: false });
    const page = await reading.newPage();
    await page.goto('/decisions?bodyId=kent-hwb');
    await expect(page.locator('.moj-timeline__item').count()).resolves.toBeGreaterThan(5);
    await page.goto(`${KENT_PLAN}/approvals/kent-2017-19-v1-chairman`);
    await expect(page.locator('.bcl-authority-chain > li').count()).resolves.toBe(5);
    await page.goto('/decisions/delegations');
    await page.getByLabel('In force on').fill('2017-09-11');
    await page.getByRole('button', { name: 'Show delegations' }).click();
    await page.waitForURL((url) => url.searchParams.get('on') === '2017-09-11');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
      'Delegations in force on 11 September 2017',
    );
    await reading.close();
  });
});
