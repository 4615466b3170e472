// Drives headless chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on
// fd 3, replies and events on fd 4, each a JSON text ended by NUL), so nothing but Node.js is needed.
// Arguments: chromium profile-dir html-file screenshot-png width. Exit 0 ok, 1 a check failed, 2 cannot run.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const { pathToFileURL } = require('url');

const [chromium, profile, html, shot, width] = process.argv.slice(2);
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
  const metrics = await send('Page.getLayoutMetrics', {}, sessionId);
  const height = Math.min(16384, Math.ceil(metrics.cssContentSize.height));
  await send('Emulation.setDeviceMetricsOverride', { width: Number(width), height, deviceScaleFactor: 1, mobile: false },
    sessionId);
  const png = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true }, sessionId);
  fs.writeFileSync(shot, Buffer.from(png.data, 'base64'));
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
