// Drives headless chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on
// fd 3, replies and events on fd 4, each a JSON text ended by NUL), so nothing but Node.js is needed.
// Arguments: chromium profile-dir html-file screenshot-png width [shots-dir]. Exit 0 ok, 1 a check failed,
// 2 cannot run.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const { pathToFileURL } = require('url');

const [chromium, profile, html, shot, width, shots] = process.argv.slice(2);
// Layout bounds: a row taller than this many lines of its text, a cell narrower than this many em
// (about three characters) with more than three characters in it, are a table that does not fit.
const MAX_ROW_LINES = 15;
const MIN_CELL_EM = 2;
// Of each kind of layout problem, this many are named; the rest are counted.
const NAMED_PER_KIND = 4;
const url = pathToFileURL(html).href;
const problems = [];
const browser = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--remote-debugging-pipe',
  '--no-first-run', '--no-default-browser-check', '--hide-scrollbars', `--user-data-dir=${profile}`,
  `--window-size=${width},900`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let stderr = '';
browser.stderr.on('data', d => { stderr += d; });
const out = browser.stdio[3];
const inp = browser.stdio[4];
let nextId = 1;
const waiting = new Map();
const listeners = [];
let buffer = '';
inp.on('data', chunk => {
  buffer += chunk.toString('utf8');
  let end;
  while ((end = buffer.indexOf('\0')) >= 0) {
    const msg = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (msg.id && waiting.has(msg.id)) {
      const { resolve, reject } = waiting.get(msg.id);
      waiting.delete(msg.id);
      msg.error ? reject(new Error(JSON.stringify(msg.error))) : resolve(msg.result);
    } else if (msg.method) {
      listeners.forEach(l => l(msg));
    }
  }
});
function send(method, params = {}, sessionId) {
  const id = nextId++;
  out.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
}
const sleep = ms => new Promise(r => setTimeout(r, ms));
function fail(text) { problems.push(text); }

(async () => {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  let loaded;
  const load = new Promise(r => { loaded = r; });
  listeners.push(m => {
    if (m.sessionId !== sessionId) return;
    const p = m.params;
    if (m.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert')) {
      fail('console.' + p.type + ': ' + p.args.map(a => a.value ?? a.description ?? '').join(' '));
    } else if (m.method === 'Runtime.exceptionThrown') {
      fail('uncaught exception: ' + (p.exceptionDetails.exception?.description ?? p.exceptionDetails.text));
    } else if (m.method === 'Log.entryAdded' && p.entry.level === 'error') {
      fail('console error (' + p.entry.source + '): ' + p.entry.text + (p.entry.url ? ' ' + p.entry.url : ''));
    } else if (m.method === 'Network.loadingFailed') {
      fail('failed load: ' + p.errorText + ' (' + p.type + ')');
    } else if (m.method === 'Page.loadEventFired') {
      loaded();
    }
  });
  for (const domain of ['Runtime', 'Log', 'Page', 'Network']) await send(domain + '.enable', {}, sessionId);
  await send('Page.navigate', { url }, sessionId);
  await Promise.race([load, sleep(30000).then(() => fail('the page did not finish loading within 30 s'))]);
  await sleep(300); // errors logged just after the load event
  const { result } = await send('Runtime.evaluate', { returnByValue: true, expression: `(() => {
      const meta = document.querySelector('meta[name="mpmbench-charts"]');
      const charts = [...document.querySelectorAll('span.chart')].map(s => {
        const svg = s.querySelector('svg');
        const r = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
        return { stem: s.dataset.stem, svg: !!svg, width: r.width, height: r.height,
                 texts: svg ? svg.querySelectorAll('text').length : 0 };
      });
      const broken = [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src);
      return { declared: meta ? Number(meta.content) : -1, charts, broken,
               missing: [...document.querySelectorAll('.missing-chart')].map(e => e.textContent),
               title: document.title };
    })()` }, sessionId);
  const page = result.value;
  if (page.declared < 0) fail('no <meta name="mpmbench-charts">: not a report.html of mpmbench');
  if (page.declared === 0) fail('the report declares no chart');
  if (page.charts.length !== page.declared) fail(`${page.charts.length} charts on the page, ${page.declared} declared`);
  for (const c of page.charts) {
    if (!c.svg) fail(`chart ${c.stem}: no inline svg`);
    else if (c.width < 300 || c.height < 150) fail(`chart ${c.stem}: drawn ${c.width}x${c.height} px`);
    else if (c.texts < 3) fail(`chart ${c.stem}: ${c.texts} text elements (no title, axes or legend?)`);
  }
  page.missing.forEach(m => fail('missing chart: ' + m));
  page.broken.forEach(b => fail('broken image: ' + b));
  const layout = await send('Runtime.evaluate', { returnByValue: true,
    expression: `(${layoutProblems.toString()})(${MAX_ROW_LINES}, ${MIN_CELL_EM})` }, sessionId);
  if (layout.exceptionDetails) throw new Error('the layout check failed in the page: ' + layout.exceptionDetails.text);
  const byKind = new Map();
  for (const p of layout.result.value) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p.text]);
  for (const [kind, texts] of byKind) {
    texts.slice(0, NAMED_PER_KIND).forEach(t => fail(t));
    if (texts.length > NAMED_PER_KIND) fail(`... and ${texts.length - NAMED_PER_KIND} more: ${kind}`);
  }
  const metrics = await send('Page.getLayoutMetrics', {}, sessionId);
  const height = Math.min(16384, Math.ceil(metrics.cssContentSize.height));
  await send('Emulation.setDeviceMetricsOverride', { width: Number(width), height, deviceScaleFactor: 1, mobile: false },
    sessionId);
  const png = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true }, sessionId);
  fs.writeFileSync(shot, Buffer.from(png.data, 'base64'));
  if (shots) await elementShots(sessionId);
  await send('Browser.close').catch(() => {});
  for (const p of problems) console.log('check-report-html: FAIL ' + p);
  console.log(`check-report-html: ${page.title}: ${page.charts.length} of ${page.declared} charts drawn, `
    + `${problems.length} problem(s); screenshot ${shot} (${width}x${height} px)`);
  process.exitCode = problems.length ? 1 : 0;
})().catch(e => {
  console.error('check-report-html: cannot run: ' + e.message + (stderr ? '\n' + stderr.slice(-2000) : ''));
  process.exitCode = 2;
}).finally(() => {
  setTimeout(() => { browser.kill('SIGKILL'); process.exit(process.exitCode); }, 500).unref();
  browser.on('exit', () => process.exit(process.exitCode));
});

// Runs in the page: what does not fit. A table or chart wider than the page with nothing to scroll it,
// the page wider than the window, a cell squeezed to a few characters, text that spills out of its box
// and does not scroll, a row taller than maxLines lines. Each problem as {kind, text}.
function layoutProblems(maxLines, minCellEm) {
  const out = [];
  const vw = document.documentElement.clientWidth;
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const scroller = el => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (scrolls(a)) return a; return null; };
  const table = t => {
    for (let n = t.closest('.table-scroll') ?? t; n; n = n.previousElementSibling) {
      if (/^H[1-4]$/.test(n.tagName)) return `table "${n.textContent.trim()}"`;
    }
    return 'a table';
  };
  const cell = c => {
    const t = c.closest('table');
    const head = t.rows[0]?.cells[c.cellIndex]?.textContent.trim() ?? '';
    return `${table(t)} row ${c.parentElement.rowIndex} column "${head}"`;
  };
  const px = v => Math.round(v);
  if (document.documentElement.scrollWidth > vw + 1) {
    out.push({ kind: 'page wider than the window', text: `the page is ${document.documentElement.scrollWidth} px wide in a `
      + `window of ${vw} px: something sticks out` });
  }
  const wide = [...document.querySelectorAll('table')].map(t => [t, table(t)])
    .concat([...document.querySelectorAll('span.chart svg')].map(s => [s, 'chart ' + s.closest('span.chart').dataset.stem]));
  for (const [el, name] of wide) {
    const r = el.getBoundingClientRect();
    const box = scroller(el);
    const edge = box ? box.getBoundingClientRect().right : r.right;
    if (edge > vw + 1) {
      out.push({ kind: 'wider than the page', text: `${name} is ${px(r.width)} px wide and reaches ${px(edge)} px, past the `
        + `page's ${vw} px` + (box ? ' (its scroll container too)' : ', with no scroll container') });
    }
  }
  for (const c of document.querySelectorAll('td, th')) {
    const cs = getComputedStyle(c);
    const em = parseFloat(cs.fontSize);
    const inner = c.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const text = c.textContent.trim();
    if (text.length > 3 && inner < minCellEm * em) {
      out.push({ kind: 'cell squeezed to a few characters', text: `${cell(c)} is ${px(inner)} px wide for `
        + `"${text.slice(0, 40)}${text.length > 40 ? '...' : ''}" (under ${minCellEm} em): its column is squeezed` });
    }
    if (c.scrollWidth > c.clientWidth + 1 && !scrolls(c)) {
      out.push({ kind: 'text cut off', text: `${cell(c)}: its text needs ${c.scrollWidth} px and has ${c.clientWidth} px `
        + '(cut off or spilling into the next cell)' });
    }
  }
  for (const tr of document.querySelectorAll('tr')) {
    const cs = getComputedStyle(tr);
    const line = parseFloat(cs.lineHeight) || 1.2 * parseFloat(cs.fontSize);
    const h = tr.getBoundingClientRect().height;
    if (h > maxLines * line) {
      out.push({ kind: 'row too tall', text: `${table(tr.closest('table'))} row ${tr.rowIndex} is ${px(h)} px tall, `
        + `over ${maxLines} lines of its text: a column too narrow for what it holds` });
    }
  }
  for (const el of document.querySelectorAll('p, li, h1, h2, h3, h4, pre, span.chart')) {
    if (el.clientWidth > 0 && !scrolls(el) && el.scrollWidth > el.clientWidth + 1) {
      out.push({ kind: 'text cut off', text: `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}": needs `
        + `${el.scrollWidth} px and has ${el.clientWidth} px` });
    }
  }
  return out;
}

// A PNG of each table (what its scroll container shows) and each chart, into the folder shots:
// table-<heading>.png (a heading's tables numbered from the second), chart-<stem>.png.
async function elementShots(sessionId) {
  fs.mkdirSync(shots, { recursive: true });
  const { result } = await send('Runtime.evaluate', { returnByValue: true, expression: `(() => {
      const slug = s => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      const seen = new Map();
      const out = [];
      for (const t of document.querySelectorAll('table')) {
        const box = t.closest('.table-scroll') ?? t;
        let name = 'page';
        for (let n = box; n; n = n.previousElementSibling) if (/^H[1-4]$/.test(n.tagName)) { name = slug(n.textContent); break; }
        const k = (seen.get(name) ?? 0) + 1;
        seen.set(name, k);
        const r = box.getBoundingClientRect();
        out.push({ file: 'table-' + name + (k > 1 ? '-' + k : '') + '.png', x: r.left + scrollX, y: r.top + scrollY,
                   width: r.width, height: r.height });
      }
      for (const s of document.querySelectorAll('span.chart')) {
        const r = (s.querySelector('svg') ?? s).getBoundingClientRect();
        out.push({ file: 'chart-' + s.dataset.stem + '.png', x: r.left + scrollX, y: r.top + scrollY, width: r.width,
                   height: r.height });
      }
      return out;
    })()` }, sessionId);
  for (const e of result.value) {
    if (e.width < 1 || e.height < 1) continue;
    const png = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true,
      clip: { x: e.x, y: e.y, width: e.width, height: e.height, scale: 1 } }, sessionId);
    fs.writeFileSync(require('path').join(shots, e.file), Buffer.from(png.data, 'base64'));
  }
  console.log(`check-report-html: ${result.value.length} tables and charts saved in ${shots}`);
}
