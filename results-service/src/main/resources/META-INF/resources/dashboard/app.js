// Tunestream dashboard: a static page over results-service's REST API. Charts are Apache ECharts
// (window.echarts, from the webjar); the study page loads a snapshot once and then applies the deltas
// that /api/dashboard/studies/{id}/events streams (server-sent events), so it never reloads.
// window.tunestream exposes the page's state for the browser tests (DashboardBrowserIT).

const app = document.getElementById('app');
const crumbs = document.getElementById('crumbs');
const live = document.getElementById('live');
const STATES = ['QUEUED', 'RUNNING', 'COMPLETED', 'STOPPED', 'FAILED'];
const COLORS = { COMPLETED: '#2e9d5b', STOPPED: '#d98b1b', FAILED: '#c8423b', RUNNING: '#2f6fdf', QUEUED: '#8a94a3' };
const PAGE_SIZE = 50;

const page = { kind: null, stream: null, timer: null, charts: [], cleanup: [] };
window.tunestream = { renders: 0, updates: 0, version: 0, lastUpdateMs: null, page };

// ---------- helpers ----------
const num = v => (v === null || v === undefined) ? null : (typeof v === 'string' ? Number(v) : v);
const finite = v => { const n = num(v); return n !== null && Number.isFinite(n); };
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const fmt = (v, digits = 5) => { const n = num(v); if (n === null) return '–'; if (!Number.isFinite(n)) return String(n); return Number(n.toPrecision(digits)).toString(); };
const fmtParams = p => Object.entries(p || {}).map(([k, v]) => `${esc(k)}=${esc(typeof v === 'number' ? fmt(v, 4) : v)}`).join(', ');
const time = t => t ? new Date(t).toLocaleString() : '–';
const seconds = (a, b) => (a && b) ? ((new Date(b) - new Date(a)) / 1000).toFixed(1) + ' s' : '–';

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try { message = (await response.json()).message || message; } catch (e) { /* not JSON */ }
    throw new Error(`${url}: ${message}`);
  }
  return response.json();
}

function chart(id) {
  const el = document.getElementById(id);
  const instance = echarts.init(el, null, { renderer: 'canvas' });
  page.charts.push(instance);
  return instance;
}

function teardown() {
  window.tunestream.ready = null;
  if (page.stream) { page.stream.close(); page.stream = null; }
  if (page.timer) { clearInterval(page.timer); page.timer = null; }
  page.charts.forEach(c => c.dispose());
  page.charts = [];
  live.classList.remove('on');
  live.textContent = '';
}

window.addEventListener('resize', () => page.charts.forEach(c => c.resize()));

// ---------- routing ----------
function route() {
  teardown();
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'study' && parts[1] && parts[2] === 'trial' && parts[3]) {
    trialPage(parts[1], parts[3]).catch(showError);
  } else if (parts[0] === 'study' && parts[1]) {
    studyPage(parts[1]).catch(showError);
  } else {
    studiesPage().catch(showError);
  }
}
window.addEventListener('hashchange', route);

function showError(error) {
  app.innerHTML = `<p class="error">${esc(error.message || error)}</p>`;
}

// ---------- studies list ----------
async function studiesPage() {
  page.kind = 'studies';
  crumbs.innerHTML = '';
  app.innerHTML = `<h1>Studies</h1><div class="panel"><table id="studies"><thead><tr>
    <th>Study</th><th>Name</th><th>State</th><th>Algorithm</th><th>Scheduler</th><th>Progress</th>
    <th>Best value</th><th>Epochs used / budget</th></tr></thead><tbody></tbody></table></div>`;
  const render = studies => {
    const body = studies.map(s => {
      const sum = s.summary, t = sum.trials;
      const finished = t.completed + t.stopped + t.failed;
      const of = sum.maxTrials ?? t.total;
      const pct = of ? Math.min(100, 100 * finished / of) : 0;
      return `<tr data-study="${esc(sum.studyId)}">
        <td><a href="#/study/${encodeURIComponent(sum.studyId)}">${esc(sum.studyId)}</a></td>
        <td>${esc(sum.name ?? '')}</td>
        <td><span class="state ${esc(sum.state)}">${esc(sum.state ?? 'unknown')}</span></td>
        <td>${esc(s.algorithm ?? '–')}</td><td>${esc(s.scheduler ?? '–')}</td>
        <td><div class="progress" title="${finished} of ${of} trials finished"><div style="width:${pct}%"></div></div>
            <span class="muted">${finished} / ${of} (${t.running} running)</span></td>
        <td>${fmt(sum.bestValue)} <span class="muted">${esc(sum.metric ?? '')}</span></td>
        <td>${sum.epochsUsed} / ${s.epochsBudget ?? '–'}</td></tr>`;
    }).join('');
    document.querySelector('#studies tbody').innerHTML = body || '<tr><td colspan="8" class="muted">No study yet.</td></tr>';
    window.tunestream.renders++;
  };
  render(await getJson('/api/dashboard/studies'));
  window.tunestream.ready = 'studies';
  page.timer = setInterval(() => getJson('/api/dashboard/studies').then(render).catch(() => { }), 3000);
}

// ---------- study page ----------
async function studyPage(studyId) {
  page.kind = 'study';
  const started = performance.now();
  crumbs.innerHTML = `/ <a href="#/">studies</a> / ${esc(studyId)}`;
  const snapshot = await getJson(`/api/dashboard/studies/${encodeURIComponent(studyId)}`);
  const study = { id: studyId, version: snapshot.version, info: snapshot.study, importance: snapshot.importance,
    trials: new Map(), perTrial: snapshot.curvePointsPerTrial, sort: { key: 'value', dir: 1 }, filter: '', page: 0 };
  snapshot.trials.forEach(t => study.trials.set(t.trialId, t));
  page.study = study;

  app.innerHTML = `
    <h1 id="title"></h1>
    <div class="cards" id="cards"></div>
    <div id="final"></div>
    <div class="grid2">
      <div class="panel"><h2>Optimization history</h2><div id="history" class="chart"></div></div>
      <div class="panel"><h2>Learning curves <span class="muted" id="curve-note"></span></h2><div id="curves" class="chart"></div></div>
    </div>
    <div class="grid2">
      <div class="panel"><h2>Parallel coordinates</h2><div id="parallel" class="chart"></div></div>
      <div class="panel"><h2>Hyperparameter importance <span class="muted" id="importance-note"></span></h2><div id="importance" class="chart"></div></div>
    </div>
    <div class="panel" style="margin-bottom:14px"><h2>Slice plots</h2><div id="slices" class="slices"></div></div>
    <div class="panel"><h2>Trials</h2>
      <div class="toolbar">
        <label>State <select id="state-filter"><option value="">all</option>${STATES.map(s => `<option>${s}</option>`).join('')}</select></label>
        <span class="muted" id="table-count"></span>
        <span class="pager" id="pager"></span>
      </div>
      <table id="trials"><thead><tr>
        <th class="sortable" data-key="trialNumber">#</th><th class="sortable" data-key="state">State</th>
        <th class="sortable" data-key="value">Value</th><th class="sortable" data-key="epochs">Epochs</th>
        <th class="sortable" data-key="attempt">Attempt</th><th class="sortable" data-key="workerId">Worker</th>
        <th>Params</th><th>Reason</th></tr></thead><tbody></tbody></table>
    </div>`;

  const charts = { history: chart('history'), curves: chart('curves'), parallel: chart('parallel'), importance: chart('importance') };
  study.charts = charts;
  charts.history.on('click', p => { if (p.data && p.data.trialId) location.hash = `#/study/${encodeURIComponent(studyId)}/trial/${encodeURIComponent(p.data.trialId)}`; });
  document.getElementById('state-filter').addEventListener('change', e => { study.filter = e.target.value; study.page = 0; renderTable(study); });
  document.querySelectorAll('#trials th.sortable').forEach(th => th.addEventListener('click', () => {
    const key = th.dataset.key;
    study.sort = study.sort.key === key ? { key, dir: -study.sort.dir } : { key, dir: 1 };
    renderTable(study);
  }));

  renderStudy(study, true);
  window.tunestream.loadMs = performance.now() - started;
  window.tunestream.ready = `study:${studyId}`;
  window.tunestream.version = study.version;

  // Live: deltas from the version of the snapshot on; rendering is coalesced to one per animation frame.
  let pending = false;
  const stream = new EventSource(`/api/dashboard/studies/${encodeURIComponent(studyId)}/events?since=${study.version}`);
  page.stream = stream;
  stream.onopen = () => { live.classList.add('on'); live.textContent = 'live'; };
  stream.onerror = () => { live.classList.remove('on'); live.textContent = 'reconnecting…'; };
  stream.onmessage = event => {
    const received = performance.now();
    const update = JSON.parse(event.data);
    if (update.version < study.version) return;
    study.version = update.version;
    study.info = update.study;
    study.perTrial = update.curvePointsPerTrial;
    if (update.importance) study.importance = update.importance;
    update.trials.forEach(t => study.trials.set(t.trialId, t));
    window.tunestream.updates++;
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        renderStudy(study, false);
        window.tunestream.version = study.version;
        window.tunestream.lastUpdateMs = performance.now() - received;
      });
    }
  };
}

function sortedTrials(study) {
  return [...study.trials.values()].sort((a, b) => a.trialNumber - b.trialNumber);
}

function renderStudy(study, first) {
  const info = study.info, sum = info.summary, t = sum.trials;
  const trials = sortedTrials(study);
  document.getElementById('title').innerHTML = `${esc(sum.name ?? sum.studyId)} <span class="state ${esc(sum.state)}">${esc(sum.state ?? 'unknown')}</span>`;
  const finished = t.completed + t.stopped + t.failed, of = sum.maxTrials ?? t.total;
  const card = (k, v, id = '') => `<div class="card"${id ? ` id="${id}"` : ''}><div class="k">${k}</div><div class="v">${v}</div></div>`;
  document.getElementById('cards').innerHTML =
    card('Trials finished', `${finished} / ${of}`, 'card-progress') +
    card('Running / queued', `${t.running} / ${t.queued}`) +
    card('Completed · stopped · failed', `${t.completed} · ${t.stopped} · ${t.failed}`) +
    card(`Best ${esc(sum.metric ?? 'value')} (${esc(sum.direction ?? '')})`,
      sum.bestTrialId ? `<a href="#/study/${encodeURIComponent(sum.studyId)}/trial/${encodeURIComponent(sum.bestTrialId)}">${fmt(sum.bestValue)}</a>` : '–', 'card-best') +
    card('Epochs used / budget', `${sum.epochsUsed} / ${info.epochsBudget ?? '–'}`) +
    card('Algorithm / scheduler', `${esc(info.algorithm ?? '–')} / ${esc(info.scheduler ?? '–')}`);
  renderFinal(sum);
  renderHistory(study, trials);
  renderCurves(study, trials);
  renderParallel(study, trials);
  renderImportance(study);
  renderSlices(study, trials, first);
  renderTable(study);
  window.tunestream.renders++;
}

function renderFinal(sum) {
  const final = sum.finalEvaluation;
  const el = document.getElementById('final');
  if (!final) { el.innerHTML = ''; return; }
  const metrics = Object.entries(final.metrics || {}).map(([k, v]) => `<tr><td>${esc(k)}</td><td>${fmt(v, 6)}</td></tr>`).join('');
  el.innerHTML = `<div class="panel final" id="final-evaluation" style="margin-bottom:14px">
    <h2>Final test evaluation of the best trial (#${esc(final.trialNumber)})</h2>
    <table class="kv"><tbody>${metrics}
      <tr><td>params</td><td class="params">${fmtParams(final.params)}</td></tr>
      ${final.modelPath ? `<tr><td>model</td><td>${esc(final.modelPath)}</td></tr>` : ''}</tbody></table></div>`;
}

function renderHistory(study, trials) {
  const minimize = study.info.summary.direction !== 'maximize';
  const byState = {};
  for (const t of trials) {
    if (!finite(t.value) || t.state === 'QUEUED') continue;
    (byState[t.state] ||= []).push({ value: [t.trialNumber, num(t.value)], trialId: t.trialId });
  }
  const best = [];
  let current = null;
  for (const t of trials) {
    if (t.state !== 'COMPLETED' || !finite(t.value)) continue;
    const v = num(t.value);
    if (current === null || (minimize ? v < current : v > current)) current = v;
    best.push([t.trialNumber, current]);
  }
  const series = Object.entries(byState).map(([state, data]) => ({
    name: state.toLowerCase(), id: `history-${state}`, type: 'scatter', data, symbolSize: 6,
    itemStyle: { color: COLORS[state] }, large: data.length > 2000, largeThreshold: 2000 }));
  series.push({ name: 'best so far', id: 'history-best', type: 'line', step: 'end', data: best, showSymbol: false,
    lineStyle: { width: 2, color: '#1d2733' } });
  study.charts.history.setOption({
    animation: false, tooltip: { trigger: 'item', formatter: p => p.seriesName === 'best so far' ? `best so far: ${fmt(p.value[1])}` : `trial #${p.value[0]}: ${fmt(p.value[1])}` },
    legend: { top: 0 }, grid: { left: 60, right: 20, top: 30, bottom: 40 },
    xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 25 },
    yAxis: { type: 'value', name: study.info.summary.metric ?? 'value', scale: true },
    dataZoom: [{ type: 'inside' }], series }, { replaceMerge: ['series'] });
}

function renderCurves(study, trials) {
  const data = [], ends = [];
  let points = 0, low = Infinity, high = -Infinity;
  for (const t of trials) {
    const coords = (t.curve || []).filter(p => finite(p[1])).map(p => [p[0], num(p[1])]);
    if (coords.length === 0) continue;
    points += coords.length;
    for (const c of coords) { low = Math.min(low, c[1]); high = Math.max(high, c[1]); }
    const color = COLORS[t.state] || '#888';
    if (coords.length === 1) coords.push(coords[0]); // a one-epoch curve still shows as a dot-length line
    data.push({ coords, trialId: t.trialId, lineStyle: { color, opacity: t.state === 'STOPPED' ? 0.45 : 0.8 } });
    if (t.state === 'STOPPED') ends.push(coords[coords.length - 1]);
  }
  const rungs = study.info.rungs || [];
  const thinned = study.info.maxEpochs && study.perTrial < study.info.maxEpochs;
  document.getElementById('curve-note').textContent = `${data.length} trials` + (thinned ? ` · ≤${study.perTrial} points each` : '') +
    (rungs.length ? ` · rungs at ${rungs.join(', ')}` : '');
  study.curvePoints = points;
  study.charts.curves.setOption({
    animation: false, tooltip: { trigger: 'item' }, grid: { left: 60, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 25, min: 0, max: study.info.maxEpochs ?? null },
    // a 'lines' series does not widen the axis: its extent is set from the data
    yAxis: { type: 'value', name: study.info.summary.metric ?? 'value', scale: true,
      min: Number.isFinite(low) ? low - 0.02 * (high - low || 1) : null, max: Number.isFinite(high) ? high + 0.02 * (high - low || 1) : null,
      axisLabel: { formatter: v => fmt(v, 3) } },
    dataZoom: [{ type: 'inside' }],
    series: [
      { id: 'curves', name: 'curves', type: 'lines', coordinateSystem: 'cartesian2d', polyline: true, data,
        large: data.length > 1000, largeThreshold: 1000, lineStyle: { width: 1 }, silent: data.length > 1000 },
      { id: 'stopped-at', name: 'stopped here', type: 'scatter', data: ends, symbol: 'circle', symbolSize: 5,
        itemStyle: { color: COLORS.STOPPED } },
      { id: 'rungs', name: 'rungs', type: 'line', data: [],
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#6b7785' },
          label: { formatter: 'rung {c}' }, data: rungs.map(r => ({ xAxis: r })) } }] }, { replaceMerge: ['series'] });
}

function axisFor(param, index) {
  if (param.type === 'categorical') return { dim: index, name: param.name, type: 'category', data: param.choices.map(String) };
  return { dim: index, name: param.name, type: param.log ? 'log' : 'value', min: param.low, max: param.high };
}

function renderParallel(study, trials) {
  const params = study.info.params || [];
  const axes = params.map(axisFor);
  axes.push({ dim: params.length, name: study.info.summary.metric ?? 'value', type: 'value', scale: true });
  const data = [];
  let min = Infinity, max = -Infinity;
  for (const t of trials) {
    if (t.state !== 'COMPLETED' || !finite(t.value)) continue;
    const v = num(t.value);
    min = Math.min(min, v); max = Math.max(max, v);
    data.push(params.map(p => p.type === 'categorical' ? String(t.params[p.name]) : num(t.params[p.name])).concat([v]));
  }
  const minimize = study.info.summary.direction !== 'maximize';
  study.charts.parallel.setOption({
    animation: false, parallelAxis: axes, parallel: { left: 50, right: 60, top: 30, bottom: 30 },
    visualMap: data.length ? { show: false, dimension: params.length, min, max, inRange: { color: minimize ? ['#2f6fdf', '#e6e9ee'] : ['#e6e9ee', '#2f6fdf'] } } : undefined,
    series: [{ id: 'parallel', type: 'parallel', data, lineStyle: { width: 1, opacity: 0.5 }, progressive: 1000, smooth: false }] },
    { replaceMerge: ['series', 'parallelAxis', 'visualMap'] });
}

function renderImportance(study) {
  const imp = study.importance;
  document.getElementById('importance-note').textContent = imp ? `fANOVA on ${imp.trials} completed trials` : 'needs two completed trials';
  const params = imp ? [...imp.parameters].reverse() : [];
  study.charts.importance.setOption({
    animation: false, grid: { left: 120, right: 60, top: 10, bottom: 30 }, tooltip: { trigger: 'item' },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: v => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'category', data: params.map(p => p.parameter) },
    series: [{ id: 'importance', type: 'bar', data: params.map(p => Number(p.importance.toFixed(4))), itemStyle: { color: '#2f6fdf' },
      label: { show: true, position: 'right', formatter: p => `${(p.value * 100).toFixed(1)}%` } }] }, { replaceMerge: ['series'] });
}

function renderSlices(study, trials, first) {
  const params = study.info.params || [];
  const container = document.getElementById('slices');
  if (first || !study.sliceCharts || study.sliceCharts.length !== params.length) {
    container.innerHTML = params.map((p, i) => `<div class="slice" id="slice-${i}" data-param="${esc(p.name)}"></div>`).join('');
    study.sliceCharts = params.map((p, i) => chart(`slice-${i}`));
  }
  params.forEach((p, i) => {
    const data = [];
    for (const t of trials) {
      if (t.state !== 'COMPLETED' || !finite(t.value) || t.params[p.name] === undefined) continue;
      data.push([p.type === 'categorical' ? String(t.params[p.name]) : num(t.params[p.name]), num(t.value), t.trialNumber]);
    }
    const xAxis = p.type === 'categorical' ? { type: 'category', data: p.choices.map(String), name: p.name }
      : { type: p.log ? 'log' : 'value', name: p.name, min: p.low, max: p.high };
    study.sliceCharts[i].setOption({
      animation: false, title: { text: p.name, textStyle: { fontSize: 12 } }, grid: { left: 55, right: 15, top: 30, bottom: 30 },
      tooltip: { trigger: 'item', formatter: q => `trial #${q.value[2]}: ${fmt(q.value[1])}` },
      xAxis: { ...xAxis, nameLocation: 'middle', nameGap: 22 }, yAxis: { type: 'value', scale: true },
      visualMap: { show: false, dimension: 2, min: 0, max: Math.max(1, trials.length), inRange: { color: ['#c6d6f5', '#1b4fb3'] } },
      series: [{ id: 'slice', type: 'scatter', data, symbolSize: 5, large: data.length > 2000 }] }, { replaceMerge: ['series'] });
  });
}

function renderTable(study) {
  const { key, dir } = study.sort;
  const minimize = study.info.summary.direction !== 'maximize';
  let rows = [...study.trials.values()];
  if (study.filter) rows = rows.filter(t => t.state === study.filter);
  const valueOf = t => finite(t.value) ? num(t.value) : null;
  rows.sort((a, b) => {
    if (key === 'value') {
      const va = valueOf(a), vb = valueOf(b);
      if (va === null || vb === null) return (va === null) - (vb === null) || a.trialNumber - b.trialNumber;
      return (minimize ? 1 : -1) * dir * (va - vb) || a.trialNumber - b.trialNumber;
    }
    const va = a[key] ?? '', vb = b[key] ?? '';
    return dir * (va < vb ? -1 : va > vb ? 1 : 0) || a.trialNumber - b.trialNumber;
  });
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  study.page = Math.min(study.page, pages - 1);
  const shown = rows.slice(study.page * PAGE_SIZE, (study.page + 1) * PAGE_SIZE);
  const sid = encodeURIComponent(study.id);
  document.querySelector('#trials tbody').innerHTML = shown.map(t => `<tr data-trial="${esc(t.trialId)}" data-state="${esc(t.state)}">
    <td><a href="#/study/${sid}/trial/${encodeURIComponent(t.trialId)}">${t.trialNumber}</a></td>
    <td><span class="state ${esc(t.state)}">${esc(t.state)}</span></td><td>${fmt(t.value)}</td><td>${t.epochs}</td>
    <td>${t.attempt}</td><td>${esc(t.workerId ?? '–')}</td><td class="params">${fmtParams(t.params)}</td>
    <td>${esc(t.reason ?? '')}</td></tr>`).join('');
  document.getElementById('table-count').textContent = `${rows.length} trials`;
  document.querySelectorAll('#trials th.sortable').forEach(th => {
    th.classList.toggle('sorted-asc', th.dataset.key === key && dir === 1);
    th.classList.toggle('sorted-desc', th.dataset.key === key && dir === -1);
  });
  const pager = document.getElementById('pager');
  pager.innerHTML = pages > 1 ? `<button id="prev" ${study.page === 0 ? 'disabled' : ''}>‹</button> page ${study.page + 1} / ${pages}
    <button id="next" ${study.page >= pages - 1 ? 'disabled' : ''}>›</button>` : '';
  if (pages > 1) {
    document.getElementById('prev').onclick = () => { study.page--; renderTable(study); };
    document.getElementById('next').onclick = () => { study.page++; renderTable(study); };
  }
}

// ---------- trial page ----------
async function trialPage(studyId, trialId) {
  page.kind = 'trial';
  const sid = encodeURIComponent(studyId);
  crumbs.innerHTML = `/ <a href="#/">studies</a> / <a href="#/study/${sid}">${esc(studyId)}</a> / trial`;
  const [summary, trial] = await Promise.all([
    getJson(`/api/studies/${sid}`), getJson(`/api/studies/${sid}/trials/${encodeURIComponent(trialId)}`)]);
  const metrics = [...new Set(trial.curve.flatMap(p => Object.keys(p.metrics)))];
  const gaps = metrics.filter(m => m.startsWith('train_') && metrics.includes('val_' + m.slice(6))).map(m => m.slice(6));
  const tm = trial.timings || {};
  const isFinal = ['COMPLETED', 'STOPPED', 'FAILED'].includes(trial.state);
  app.innerHTML = `
    <h1>Trial #${trial.trialNumber} <span class="state ${esc(trial.state)}">${esc(trial.state)}</span></h1>
    <div class="grid2">
      <div class="panel"><h2>Trial</h2><table class="kv" id="trial-facts"><tbody>
        <tr><td>trial id</td><td>${esc(trial.trialId)}</td></tr>
        <tr><td>${esc(summary.metric ?? 'value')}</td><td>${fmt(trial.value, 6)}${summary.bestTrialId === trial.trialId ? ' <b>(best)</b>' : ''}</td></tr>
        <tr><td>epochs (this attempt)</td><td>${trial.epochs}</td></tr>
        <tr><td>attempt</td><td>${trial.attempt}${trial.attempt > 1 ? ` <span class="muted">(${trial.attempt - 1} earlier attempt(s) died with their trainer and were re-run)</span>` : ''}</td></tr>
        <tr><td>worker</td><td>${esc(trial.workerId ?? '–')}</td></tr>
        <tr><td>suggested</td><td>${time(tm.suggestedAt)}</td></tr>
        <tr><td>started</td><td>${time(tm.startedAt)} <span class="muted">(queued ${seconds(tm.suggestedAt, tm.startedAt)})</span></td></tr>
        <tr><td>ended</td><td>${time(tm.endedAt)} <span class="muted">(ran ${seconds(tm.startedAt, tm.endedAt)})</span></td></tr>
        <tr><td>${trial.state === 'STOPPED' ? 'stop reason' : 'reason'}</td><td id="stop-reason">${esc(trial.reason ?? (isFinal ? '–' : 'still running'))}</td></tr>
      </tbody></table></div>
      <div class="panel"><h2>Parameters</h2><table class="kv" id="trial-params"><tbody>
        ${Object.entries(trial.params || {}).map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(typeof v === 'number' ? fmt(v, 6) : v)}</td></tr>`).join('')}
      </tbody></table></div>
    </div>
    <div class="grid2">
      <div class="panel"><h2>Learning curve</h2><div id="trial-curve" class="chart"></div></div>
      <div class="panel"><h2>Train/validation gap (overfitting)</h2><div id="trial-gap" class="chart"></div>
        ${gaps.length ? '' : '<p class="muted">The trial reports no train_*/val_* metric pair.</p>'}</div>
    </div>`;
  const series = metrics.map(m => ({ name: m, type: 'line', showSymbol: trial.curve.length < 60,
    data: trial.curve.filter(p => finite(p.metrics[m])).map(p => [p.epoch, num(p.metrics[m])]) }));
  chart('trial-curve').setOption({ animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 40 }, xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 25 },
    yAxis: { type: 'value', scale: true }, series });
  chart('trial-gap').setOption({ animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 40 }, xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 25 },
    yAxis: { type: 'value', scale: true },
    series: gaps.map(g => ({ name: `val_${g} − train_${g}`, type: 'line', areaStyle: { opacity: 0.15 },
      data: trial.curve.filter(p => finite(p.metrics['val_' + g]) && finite(p.metrics['train_' + g]))
        .map(p => [p.epoch, num(p.metrics['val_' + g]) - num(p.metrics['train_' + g])]) })) });
  window.tunestream.renders++;
  window.tunestream.ready = `trial:${trial.trialId}`;
}

route();
