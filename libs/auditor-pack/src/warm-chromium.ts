import { Browser, BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './pack-document';

/** What prints a pack's HTML to its PDF: a `WarmChromium`, or (absent) a Chromium launched for the one pack. */
export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
}

/**
 * One Chromium kept running between packs, for a server: launching it costs ~0.2 s and closing it as much again
 * of a pack's ~1.6 s (docs/operations.md). Launched at the first print, it prints each pack in a new page of one
 * context (scripts off, offline: a page holds nothing another can read), and closes itself when no pack has been
 * printed for `idleMs`, or when `close()` is called (on shutdown), so no Chromium outlives the server's work.
 */
export class WarmChromium implements PdfPrinter {
  private context: Promise<{ browser: Browser; context: BrowserContext }> | undefined;
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
      const { context } = await this.started();
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        return await page.pdf({ tagged: true, outline: true, format: 'A4', printBackground: true });
      } finally {
        await page.close();
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

  private started() {
    if (!this.context) {
      const starting = (async () => {
        const browser = await chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS });
        // a Chromium that dies is launched again at the next print
        browser.on('disconnected', () => {
          if (this.context === starting) this.context = undefined;
        });
        return { browser, context: await browser.newContext({ javaScriptEnabled: false, offline: true }) };
      })();
      this.context = starting;
      starting.catch(() => {
        if (this.context === starting) this.context = undefined;
      });
    }
    return this.context;
  }
}
