// Drives the dashboard in headless Chromium with playwright-core. Run by DashboardBrowserIT:
//   node dashboard-test.mjs check <baseUrl> <studyId> <outDir> <newTrials>
//   node dashboard-test.mjs scale <baseUrl> <studyId> <outDir> <newTrials>
// Protocol on stdout (one line each): "READY <version>" when the study page is loaded and the caller
// should publish <newTrials> more trials; "RESULT <json>" at the end. Exit code 0: every check passed.
// Screenshots go to <outDir> (target/dashboard-screenshots, kept as CI artifacts).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const [mode, baseUrl, studyId, outDir, newTrialsArg] = process.argv.slice(2);
const newTrials = Number(newTrialsArg || 0);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
fs.mkdirSync(outDir, { recursive: true });
const result = { mode, checks: [] };

function check(condition, what) {
  result.checks.push(what);
  if (!condition) throw new Error(`check failed: ${what}`);
}

async function api(url) {
  const response = await fetch(baseUrl + url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

const finite = v => v !== null && v !== undefined && Number.isFinite(typeof v === 'string' ? Number(v) : v);

// What the charts must show, computed from the REST API, independently of the page's code.
async function expected() {
  const trials = await api(`/api/studies/${studyId}/trials`);
  const dash = await api(`/api/dashboard/studies/${studyId}`);
  const completedWithValue = trials.filter(t => t.state === 'COMPLETED' && finite(t.value)).length;
  return {
    total: trials.length,
    historyPoints: trials.filter(t => t.state !== 'QUEUED' && finite(t.value)).length,
    curves: dash.trials.filter(t => t.curve.some(p => finite(p[1]))).length,
    parallelLines: completedWithValue,
    stopped: trials.filter(t => t.state === 'STOPPED').length,
    params: dash.study.params.length,
    rungs: dash.study.rungs.length,
    bestTrialId: dash.study.summary.bestTrialId,
    stoppedTrialId: (trials.find(t => t.state === 'STOPPED') || {}).trialId,
  };
}

// Counts read from the ECharts instances themselves (what is drawn), not from the page's own state.
async function drawn(page) {
  return page.evaluate(() => {
    const option = id => echarts.getInstanceByDom(document.getElementById(id)).getOption();
    const history = option('history').series.filter(s => s.type === 'scatter').reduce((n, s) => n + s.data.length, 0);
    const best = option('history').series.find(s => s.id === 'history-best').data.length;
    const curves = option('curves').series.find(s => s.id === 'curves').data.length;
    const rungs = option('curves').series.find(s => s.id === 'rungs').markLine.data.length;
    const parallel = option('parallel').series[0].data.length;
    const importance = option('importance').series[0].data.length;
    const slices = [...document.querySelectorAll('#slices .slice')].map(el => echarts.getInstanceByDom(el).getOption().series[0].data.length);
    const rows = document.querySelectorAll('#trials tbody tr').length;
    return { history, best, curves, rungs, parallel, importance, slices, rows, version: window.tunestream.version,
      updates: window.tunestream.updates, loadMs: window.tunestream.loadMs, lastUpdateMs: window.tunestream.lastUpdateMs };
  });
}

async function waitFor(page, predicate, arg, timeout, what) {
  try {
    await page.waitForFunction(predicate, arg, { timeout, polling: 100 });
  } catch (e) {
    throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
  }
}

const lines = readline.createInterface({ input: process.stdin });
const nextLine = () => new Promise(resolve => lines.once('line', resolve));

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
let exitCode = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1800 } });
  const consoleErrors = [];
  page.on('pageerror', e => consoleErrors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('response', r => { if (r.status() >= 400) consoleErrors.push(`HTTP ${r.status()} for ${r.url()}`); });

  if (mode === 'check') {
    // 1. Studies list.
    await page.goto(`${baseUrl}/dashboard/`);
    await page.waitForSelector(`tr[data-study="${studyId}"]`, { timeout: 30000 });
    check(await page.locator(`tr[data-study="${studyId}"] .progress`).count() === 1, 'studies list shows the study with a progress bar');
    await page.screenshot({ path: path.join(outDir, 'studies.png'), fullPage: true });
  }

  // 2. Study page: every chart has the number of points the API implies.
  let want = await expected();
  const navigationStart = Date.now();
  await page.goto(`${baseUrl}/dashboard/#/study/${encodeURIComponent(studyId)}`);
  await waitFor(page, id => window.tunestream && window.tunestream.ready === `study:${id}`, studyId, 120000, 'the study page');
  result.pageLoadMs = Date.now() - navigationStart;
  await page.evaluate(() => { window.__sameDocument = true; });
  let got = await drawn(page);
  result.initial = got;
  result.expectedInitial = want;
  check(got.history === want.historyPoints, `history has ${want.historyPoints} points (drew ${got.history})`);
  check(got.curves === want.curves, `learning curves: ${want.curves} lines (drew ${got.curves})`);
  check(got.rungs === want.rungs, `${want.rungs} rung lines (drew ${got.rungs})`);
  check(got.parallel === want.parallelLines, `parallel coordinates: ${want.parallelLines} lines (drew ${got.parallel})`);
  check(got.slices.length === want.params && got.slices.every(n => n === want.parallelLines), `one slice plot per parameter with ${want.parallelLines} points`);
  check(got.rows === Math.min(50, want.total), `trial table shows ${Math.min(50, want.total)} rows (showed ${got.rows})`);
  if (want.parallelLines >= 2) {
    await waitFor(page, n => echarts.getInstanceByDom(document.getElementById('importance')).getOption().series[0].data.length === n,
      want.params, 30000, 'importance bars');
  }

  if (mode === 'check') {
    check(got.best > 0, 'best-so-far line is drawn');
    // Filter by state, sort by value.
    await page.selectOption('#state-filter', 'STOPPED');
    const states = await page.$$eval('#trials tbody tr', rows => rows.map(r => r.dataset.state));
    check(states.length === want.stopped && states.every(s => s === 'STOPPED'), `filter STOPPED shows the ${want.stopped} stopped trials`);
    await page.selectOption('#state-filter', '');
    await page.click('#trials th[data-key="trialNumber"]');
    const numbers = await page.$$eval('#trials tbody tr td:first-child', cells => cells.map(c => Number(c.textContent)));
    check(numbers.every((n, i) => i === 0 || numbers[i - 1] <= n), 'sort by trial number');
    await page.screenshot({ path: path.join(outDir, 'study.png'), fullPage: true });
  } else {
    await page.screenshot({ path: path.join(outDir, `study-${want.total}-trials.png`), fullPage: false });
  }

  // 3. Live: the caller publishes more trials now; they must appear without a reload.
  const before = got;
  console.log(`READY ${before.version}`);
  const published = Date.now();
  const ack = await nextLine();
  check(ack.startsWith('PUBLISHED'), 'the caller published the new trials');
  const publishedAfterMs = Date.now() - published;
  await waitFor(page, n => {
    const option = echarts.getInstanceByDom(document.getElementById('history')).getOption();
    return option.series.filter(s => s.type === 'scatter').reduce((m, s) => m + s.data.length, 0) >= n;
  }, before.history + newTrials, 120000, `${newTrials} new trials in the history chart`);
  result.liveUpdateMs = Date.now() - published - publishedAfterMs;
  // The last of the new trials may still be finishing: wait until the page has caught up with the API.
  for (const deadline = Date.now() + 60000; ;) {
    want = await expected();
    got = await drawn(page);
    const caughtUp = got.history === want.historyPoints && got.curves === want.curves && got.parallel === want.parallelLines;
    if (caughtUp || Date.now() > deadline) break;
    await new Promise(resolve => setTimeout(resolve, 300));
  }
  result.afterLive = got;
  check(await page.evaluate(() => window.__sameDocument === true), 'live updates arrived without a page reload');
  check(got.updates > before.updates, `server-sent events applied (${got.updates} updates)`);
  check(got.history === want.historyPoints, `after the live update, history has ${want.historyPoints} points (drew ${got.history})`);
  check(got.curves === want.curves, `after the live update, ${want.curves} learning curves (drew ${got.curves})`);
  check(got.parallel === want.parallelLines, `after the live update, ${want.parallelLines} parallel lines (drew ${got.parallel})`);
  await page.screenshot({ path: path.join(outDir, mode === 'check' ? 'study-live.png' : `study-${want.total}-trials-live.png`), fullPage: mode === 'check' });

  if (mode === 'check') {
    // 4. Trial pages: the best trial (params, curve, gap) and a stopped one (its stop reason).
    await page.goto(`${baseUrl}/dashboard/#/study/${encodeURIComponent(studyId)}/trial/${encodeURIComponent(want.bestTrialId)}`);
    await waitFor(page, id => window.tunestream.ready === `trial:${id}`, want.bestTrialId, 30000, 'the trial page');
    const trial = await page.evaluate(() => ({
      params: document.querySelectorAll('#trial-params tbody tr').length,
      curveSeries: echarts.getInstanceByDom(document.getElementById('trial-curve')).getOption().series.length,
      curvePoints: echarts.getInstanceByDom(document.getElementById('trial-curve')).getOption().series[0].data.length,
      gapSeries: echarts.getInstanceByDom(document.getElementById('trial-gap')).getOption().series.length,
      facts: document.getElementById('trial-facts').innerText }));
    const detail = await api(`/api/studies/${studyId}/trials/${encodeURIComponent(want.bestTrialId)}`);
    check(trial.params === Object.keys(detail.params).length, 'trial page lists every parameter');
    check(trial.curvePoints === detail.curve.length, `trial curve has ${detail.curve.length} points`);
    check(trial.gapSeries >= 1, 'train/validation gap is drawn');
    check(trial.facts.includes(detail.workerId) && trial.facts.includes('(best)'), 'trial page shows the worker and marks the best trial');
    await page.screenshot({ path: path.join(outDir, 'trial.png'), fullPage: true });
    if (want.stoppedTrialId) {
      const stopped = await api(`/api/studies/${studyId}/trials/${encodeURIComponent(want.stoppedTrialId)}`);
      await page.goto(`${baseUrl}/dashboard/#/study/${encodeURIComponent(studyId)}/trial/${encodeURIComponent(want.stoppedTrialId)}`);
      await waitFor(page, id => window.tunestream.ready === `trial:${id}`, want.stoppedTrialId, 30000, 'the stopped trial page');
      const reason = await page.locator('#stop-reason').innerText();
      check(reason === stopped.reason, `a stopped trial's page shows its stop reason "${stopped.reason}"`);
    }
  }
  check(consoleErrors.length === 0, `no errors in the browser console (${consoleErrors.join(' | ')})`);
} catch (e) {
  result.error = String(e.message || e);
  exitCode = 1;
} finally {
  await browser.close();
  lines.close();
}
console.log(`RESULT ${JSON.stringify(result)}`);
process.exit(exitCode);
