import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './pack-document';

/** What prints a pack's HTML to its PDF: a `WarmChromium`, or (absent) a Chromium launched for the one pack. */
export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
}

interface Started {
  browser: Browser;
  context: BrowserContext;
  /** A blank page opened ahead of the next print (opening one is a third of a small print's time), used once. */
  spare: Promise<Page> | undefined;
}

/**
 * One Chromium kept running between packs, for a server: launching it costs ~0.2 s and closing it as much again
 * (docs/operations.md). Launched at the first print, it prints each pack in a new page of one context (scripts
 * off, offline: a page holds nothing another can read; each page prints one pack and is closed), opening the next
 * pack's page once a print is done, so that opening it is not on the next pack's path. It closes itself when no
 * pack has been printed for `idleMs`, or when `close()` is called (on shutdown), so no Chromium outlives the
 * server's work.
 */
export class WarmChromium implements PdfPrinter {
  private context: Promise<Started> | undefined;
  private printing = 0;
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly executablePath: string,
    private readonly idleMs = 60_000,
  ) {}

  async print(html: string): Promise<Buffer> {
    clearTimeout(this.idle);
    this.printing += 1;
    try {
      const started = await this.started();
      const spare = started.spare;
      started.spare = undefined;
      const page = (await spare?.catch(() => undefined)) ?? (await started.context.newPage());
      try {
        await page.setContent(html, { waitUntil: 'load' });
        // page.pdf prints in print media: no emulateMedia needed
        return await page.pdf({ tagged: true, outline: true, format: 'A4', printBackground: true });
      } finally {
        // closed and the next page opened after the PDF is in hand, off this print's path
        void page.close().catch(() => undefined);
        if (!started.spare && this.context) started.spare = this.openSpare(started.context);
      }
    } finally {
      this.printing -= 1;
      if (this.printing === 0) this.idle = setTimeout(() => void this.close(), this.idleMs).unref();
    }
  }

  /** Whether a Chromium is running (for tests and the bench). */
  get running(): boolean {
    return this.context !== undefined;
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    const started = this.context;
    this.context = undefined;
    if (started) await (await started.catch(() => undefined))?.browser.close();
  }

  private openSpare(context: BrowserContext): Promise<Page> {
    const spare = context.newPage();
    spare.catch(() => undefined);
    return spare;
  }

  private started() {
    if (!this.context) {
      const starting = (async () => {
        const browser = await chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS });
        // a Chromium that dies is launched again at the next print
        browser.on('disconnected', () => {
          if (this.context === starting) this.context = undefined;
        });
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        return { browser, context, spare: this.openSpare(context) } as Started;
      })();
      this.context = starting;
      starting.catch(() => {
        if (this.context === starting) this.context = undefined;
      });
    }
    return this.context;
  }
}
