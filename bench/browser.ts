import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { serveStatic } from '../src/node/staticServer.js';

/**
 * Chromium and the local LMS for the browser parts of the bench. The same browser flags as the
 * Playwright tests (playwright.config.ts); Debian's Chromium, since Playwright cannot download one
 * here (`npm test` installs it). Each measured launch gets a fresh context: empty cache, empty
 * localStorage, so the LMS starts a new registration (cmi.entry "ab-initio") every time.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The browser, or why there is none. */
export async function launchChromium(): Promise<Browser | string> {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (npm test installs it; CHROMIUM_PATH picks another)`;
  const { chromium } = await import('@playwright/test');
  try {
    return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  } catch (e) {
    return `Chromium did not start: ${(e as Error).message.split('\n')[0]}`;
  }
}

export interface LmsServer {
  url: string;
  /** The local LMS page hosting `launch` (a path on this server) with the given SCORM version. */
  lmsUrl(version: '1.2' | '2004', launch?: string): string;
  close(): Promise<void>;
}

/**
 * The unpacked package at "/", the local LMS page at "/lms-preview/" (built once by the
 * lms-preview module), and any extra folders (the static comparison page) at their prefixes.
 */
export async function serveWithLms(packageDir: string, extra: Record<string, string> = {}): Promise<LmsServer | string> {
  let buildLmsPage: () => Promise<string>;
  try {
    ({ buildLmsPage } = await import('../src/lms-preview/servePackage.js'));
  } catch (e) {
    return `the local LMS page (src/lms-preview/servePackage.ts) is missing: ${(e as Error).message.split('\n')[0]}`;
  }
  const lms = await buildLmsPage();
  const server = await serveStatic({ '/lms-preview/': lms, ...extra, '/': packageDir });
  return {
    url: server.url,
    lmsUrl: (v, launch = '/index.html') => `${server.url}/lms-preview/?launch=${encodeURIComponent(launch)}&scorm=${v === '1.2' ? '12' : '2004'}`,
    close: () => server.close(),
  };
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

export async function newTab(browser: Browser): Promise<Tab> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, close: () => context.close() };
}

/** CPU slowed `rate` times (Chrome DevTools Protocol), as on an old office PC. */
export const throttleCpu = (cdp: CDPSession, rate: number) => cdp.send('Emulation.setCPUThrottlingRate', { rate });

/**
 * Chrome DevTools' "Slow 4G" preset (formerly "Fast 3G"): 562.5 ms round trip,
 * 1.44 Mbit/s down, 675 kbit/s up — an LMS reached over a poor mobile link or a busy VPN.
 */
export const SLOW_NETWORK = { latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };

export async function slowNetwork(cdp: CDPSession) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_NETWORK });
}

/** The course's frame inside the LMS page (the LMS hosts it in iframe#course). */
export async function courseFrame(page: Page) {
  const handle = await page.waitForSelector('iframe#course');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the LMS page has no course frame');
  return frame;
}
