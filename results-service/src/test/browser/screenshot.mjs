// Screenshot of one dashboard page, for the README: node screenshot.mjs <url> <out.png> [width] [height]
// Waits until the page has rendered (window.tunestream.ready) and the charts have settled.
import { chromium } from 'playwright-core';

const [url, out, width = '1440', height = '1500'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  await page.goto(url);
  await page.waitForFunction(() => window.tunestream && window.tunestream.ready, null, { timeout: 60000 });
  // importances arrive with the first server-sent event when they were not ready for the snapshot
  await page.waitForFunction(() => !document.getElementById('importance') || echarts.getInstanceByDom(document.getElementById('importance')).getOption().series[0].data.length > 0, null, { timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out, fullPage: false });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
