import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { WarmChromium } from './warm-chromium';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HTML = '<!doctype html><html lang="en"><title>pack</title><h1>Pack</h1><p>One page.</p></html>';

/** Runs where Debian's Chromium is installed (as the browser suite does); reported as skipped elsewhere. */
const withChromium = existsSync(CHROMIUM) ? describe : describe.skip;

withChromium('a Chromium kept warm for the auditor pack', () => {
  afterEach(() => jest.restoreAllMocks());

  it('prints one pack after another with one launch, and closes when asked', async () => {
    const launch = jest.spyOn(chromium, 'launch');
    const warm = new WarmChromium(CHROMIUM);
    try {
      const [first, second] = [await warm.print(HTML), await warm.print(HTML)];
      expect(first.subarray(0, 5).toString()).toBe('%PDF-');
      expect(second.subarray(0, 5).toString()).toBe('%PDF-');
      expect(launch).toHaveBeenCalledTimes(1);
      expect(warm.running).toBe(true);
    } finally {
      await warm.close();
    }
    expect(warm.running).toBe(false);
  }, 60_000);

  it('closes itself when no pack has been printed for a while, and launches again at the next', async () => {
    const launch = jest.spyOn(chromium, 'launch');
    const warm = new WarmChromium(CHROMIUM, 10);
    try {
      await warm.print(HTML);
      while (warm.running) await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await warm.print(HTML)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(launch).toHaveBeenCalledTimes(2);
    } finally {
      await warm.close();
    }
  }, 60_000);
});
