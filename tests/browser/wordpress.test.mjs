// The WooCommerce plugin in real WordPress (Debian's package, a throwaway MariaDB), served by PHP's built-in
// server and driven in Debian's Chromium. WooCommerce cannot be installed here: a stand-in mu-plugin
// (tests/wordpress/storefront) renders product and checkout pages that call WooCommerce's hooks as
// WooCommerce's templates do, with WooCommerce-shaped products. What the pages should say is asked of the
// engine through the `backorder` command over the same facts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, serve, artifacts, root } from './harness.mjs';
import { PAYLOADS as ALL_PAYLOADS, assertInert, openPage } from './xss.mjs';

const build = process.env.BO_BUILD_DIR || path.join(root, 'build/dev');
const cli = path.join(build, 'cli/backorder');
const library = path.join(build, 'capi/libbackorder.so.1');
const NOW = '2026-11-30T09:00:00-05:00';
const shots = artifacts('wordpress');

// The stand-in's products (tests/wordpress/storefront/storefront.php) as the engine's facts, and hostile ones.
const LEAD = { min: 10, max: 14 };
const PRODUCTS = [
  { id: 11, sku: 'JKT-NAVY-M', name: 'Field jacket, navy, M', price: 12900, stock: 0, backorders: true, lead_time_days: LEAD },
  { id: 12, sku: 'TEE-BASIC-S', name: 'Basic tee, S', price: 1900, stock: 0, backorders: false },
  { id: 13, sku: 'SCF-WOOL-GRY', name: 'Wool scarf, grey', price: 3500, stock: 40, backorders: false },
  { id: 14, sku: 'JNS-SLIM-32', name: 'Slim jeans, 32', price: 7900, stock: 25, backorders: false },
  { id: 15, sku: 'CAP-WINTER-27', name: 'Winter cap 2027 edition', price: 2900, stock: 0, backorders: true, release_date: '2027-03-12' },
];
// WordPress's esc_html() does not encode an entity twice, by design: a name already written as "&lt;script&gt;"
// shows as the text "<script>" (still text, never markup). So that one payload is left out here.
const PAYLOADS = ALL_PAYLOADS.filter((p) => !p.startsWith('&lt;'));
const HOSTILE = PAYLOADS.map((name, i) => ({ id: 100 + i, sku: `XSS-${i}`, name, price: 1000, stock: 0, backorders: true, lead_time_days: { min: 5, max: 9 } }));

let browser;
let site;
let server;
let work;

before(async () => {
  browser = await launch();
  work = mkdtempSync(path.join(os.tmpdir(), 'bo-wp-browser-'));
  chmodSync(work, 0o755); // the database server (user mysql) keeps its socket below it
  const extra = path.join(work, 'extra-products.json');
  writeFileSync(extra, JSON.stringify(HOSTILE.map((p) => ({
    id: p.id, sku: p.sku, name: p.name, price: '10.00', stock: p.stock, backorders: 'yes',
    meta: { _backorder_lead_time_min: String(p.lead_time_days.min), _backorder_lead_time_max: String(p.lead_time_days.max) },
  }))));
  site = path.join(work, 'site');
  const out = execFileSync('bash', [path.join(root, 'tests/wordpress/site.sh'), 'start', site, '--storefront'], {
    encoding: 'utf8', env: { ...process.env, BACKORDER_LIBRARY: library }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const env = Object.fromEntries(out.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  server = await serve('php', ['-d', 'ffi.enable=1', '-d', 'error_reporting=E_ALL & ~E_DEPRECATED', '-S', '127.0.0.1:{port}',
    '-t', '/usr/share/wordpress', path.join(root, 'tests/wordpress/router.php')], {
    env: { ...env, BACKORDER_LIBRARY: library, BO_WP_URL: 'http://127.0.0.1:{port}', BO_WP_NOW: NOW, BO_WP_EXTRA_PRODUCTS: extra },
    readyPath: '/?product=11',
  });

  // The same facts for the CLI: the apparel policy, these products and their stock.
  copyFileSync(path.join(root, 'examples/apparel/policy.json'), path.join(work, 'policy.json'));
  const items = [...PRODUCTS, ...HOSTILE].map(({ id, stock, ...item }) => item);
  writeFileSync(path.join(work, 'catalog.json'), JSON.stringify({ items }));
  writeFileSync(path.join(work, 'stock.json'), JSON.stringify({ stock: [...PRODUCTS, ...HOSTILE].map((p) => ({ sku: p.sku, on_hand: p.stock })) }));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (site) execFileSync('bash', [path.join(root, 'tests/wordpress/site.sh'), 'stop', site]);
  if (work) rmSync(work, { recursive: true, force: true });
});

function engine(args) {
  return JSON.parse(execFileSync(cli, [...args, '--format', 'json', '--now', NOW], {
    encoding: 'utf8', env: { ...process.env, BACKORDER_DATA: work },
  }));
}

function expectedPlan(ids) {
  const file = path.join(work, `cart-${ids.join('-')}.json`);
  writeFileSync(file, JSON.stringify({
    currency: 'USD',
    lines: ids.map((id) => ({ line_id: `line${id}`, sku: [...PRODUCTS, ...HOSTILE].find((p) => p.id === id).sku, quantity: 1 })),
    customer: { locale: 'en-US', zone: 'US' },
  }));
  return engine(['checkout', file]);
}

async function shipments(page) {
  return page.locator('table.backorder-shipments').evaluate((t) => ({
    strategy: t.dataset.strategy,
    rows: [...t.querySelectorAll('tr.backorder-shipment')].map((tr) => ({
      lines: tr.dataset.lines,
      ship: [tr.querySelector('time.ship').dataset.from, tr.querySelector('time.ship').dataset.to],
      delivery: [tr.querySelector('time.delivery').dataset.from, tr.querySelector('time.delivery').dataset.to],
      charge: Number(tr.querySelector('.backorder-charge').dataset.minor),
    })),
  }));
}

function expectedShipments(plan, id) {
  return {
    strategy: id,
    rows: plan.strategies.find((s) => s.id === id).shipments.map((sh) => ({
      lines: sh.items.map((i) => i.line_id).join(','),
      ship: [sh.ship.from, sh.ship.to],
      delivery: [sh.delivery.from, sh.delivery.to],
      charge: sh.charge,
    })),
  };
}

test('WordPress product pages: the plugin\'s label is visible and the JSON-LD says the same', async () => {
  const labels = Object.fromEntries(engine(['labels']).labels.map((l) => [l.sku, l]));
  const { page, dialogs, close } = await openPage(browser);
  for (const p of PRODUCTS.filter((x) => [11, 12, 13, 15].includes(x.id))) {
    const want = labels[p.sku];
    await page.goto(`${server.url}/?product=${p.id}`);
    const stock = page.locator('p.stock');
    assert.ok(await stock.isVisible(), `${p.sku}: visible`);
    assert.equal(await stock.textContent(), want.text, p.sku);
    assert.match(await stock.getAttribute('class'), new RegExp(`\\bbackorder-${want.status.replaceAll('_', '-')}\\b`));
    const offer = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent()).offers[0];
    assert.equal(offer.availability, want.schema_org, `${p.sku}: JSON-LD availability`);
    assert.equal(offer.availabilityStarts, want.merchant.availability_date, `${p.sku}: JSON-LD date`);
    if (want.later_window) assert.equal(offer.availabilityStarts.slice(0, 10), want.later_window.from);
    assert.equal(await page.locator('form.backorder-notify-me').count(), want.notify_me ? 1 : 0, `${p.sku}: notify-me offered`);
    await shots.shot(page, `product-${p.sku}`);
  }
  assert.deepEqual(dialogs, []);
  await close();
});

test('WordPress checkout: ship now versus together changes dates and charges; the order keeps the window', async () => {
  const ids = [11, 13, 14];
  const plan = expectedPlan(ids);
  const { page, dialogs, close } = await openPage(browser);
  await page.goto(`${server.url}/?checkout=1&items=${ids.map((id) => `${id}:1`).join(',')}`);
  const rows = await page.locator('tr.cart_item').evaluateAll((trs) => trs.map((tr) => [tr.dataset.sku, tr.querySelector('dd').textContent.trim()]));
  assert.deepEqual(rows, plan.lines.map((l) => [l.sku, l.label.later > 0 ? `${l.label.text} · ${l.label.short_text}` : l.label.text]));
  for (const s of plan.strategies) {
    const p = page.locator(`p.backorder-strategy[data-strategy="${s.id}"]`);
    assert.equal(Number(await p.locator('.backorder-pays').getAttribute('data-minor')), s.customer_pays);
    assert.ok((await p.textContent()).includes(s.disclosure));
  }
  assert.deepEqual(await shipments(page), expectedShipments(plan, plan.default_strategy));
  await shots.shot(page, 'checkout');

  await page.check('input[name=backorder_strategy][value=ship_available]');
  await page.click('#update');
  const now = await shipments(page);
  assert.deepEqual(now, expectedShipments(plan, 'ship_available'));
  await shots.shot(page, 'ship-available');
  await page.check('input[name=backorder_strategy][value=ship_together]');
  await page.click('#update');
  const together = await shipments(page);
  assert.deepEqual(together, expectedShipments(plan, 'ship_together'));
  await shots.shot(page, 'ship-together');
  assert.notDeepEqual(now.rows.map((r) => r.delivery), together.rows.map((r) => r.delivery));
  assert.notDeepEqual(now.rows.map((r) => r.charge), together.rows.map((r) => r.charge));

  await page.check('input[name=backorder_strategy][value=ship_available]');
  await page.click('#place_order');
  await page.locator('#order-strategy').waitFor();
  await shots.shot(page, 'order-received');
  assert.equal(await page.locator('#order-strategy').getAttribute('data-strategy'), 'ship_available');
  const jacket = plan.lines.find((l) => l.sku === 'JKT-NAVY-M');
  const line = page.locator('tr.order-line.backorder');
  assert.equal(await line.count(), 1);
  assert.equal(await line.getAttribute('data-sku'), 'JKT-NAVY-M');
  const time = line.locator('time');
  assert.ok(await time.isVisible());
  assert.deepEqual([await time.getAttribute('data-from'), await time.getAttribute('data-to')],
    [jacket.label.later_window.from, jacket.label.later_window.to]);
  assert.deepEqual(dialogs, []);
  await close();
});

test('WordPress notify-me: the form posts to WordPress and the plugin confirms', async () => {
  const { page, dialogs, close } = await openPage(browser);
  await page.goto(`${server.url}/?product=12`);
  await page.fill('input[name=backorder_notify_contact]', 'lee@example.com');
  await page.click('form.backorder-notify-me button');
  await page.locator('.backorder-notify-ok').waitFor();
  assert.equal(await page.locator('.backorder-notify-ok').textContent(), 'We will email lee@example.com when it can be ordered.');
  await shots.shot(page, 'notify-me');
  assert.deepEqual(dialogs, []);
  await close();
});

test('WordPress XSS corpus: hostile names and contacts come out as text and never run', async () => {
  const { page, dialogs, close } = await openPage(browser);
  // names reach the plugin's checkout output: disclosures and the shipments table
  const ids = [11, ...HOSTILE.map((p) => p.id)];
  await page.goto(`${server.url}/?checkout=1&items=${ids.map((id) => `${id}:1`).join(',')}`);
  await assertInert(page, dialogs, 'checkout', { scope: 'body' });
  const disclosures = await page.locator('li.backorder-disclosure-backorder').allTextContents();
  for (const name of PAYLOADS) {
    assert.ok(disclosures.some((d) => d.includes(name)), `a disclosure quotes ${name} as text`);
  }
  const table = await page.locator('table.backorder-shipments').textContent();
  for (const name of PAYLOADS) assert.ok(table.includes(name), `the shipments quote ${name} as text`);
  await shots.shot(page, 'xss-checkout');
  await page.click('#place_order');
  await page.locator('#order-strategy').waitFor();
  await assertInert(page, dialogs, 'order received', { scope: 'body' });

  // shopper input: notify-me contacts, posted without the browser's own email check (as a crafted request would)
  for (const contact of PAYLOADS) {
    await page.goto(`${server.url}/?product=100`);
    await page.$eval('form.backorder-notify-me', (f) => { f.noValidate = true; });
    await page.fill('input[name=backorder_notify_contact]', contact);
    await page.click('form.backorder-notify-me button');
    await page.locator('.backorder-notify-error').waitFor();
    await assertInert(page, dialogs, `notify-me ${contact}`, { scope: 'body' });
    assert.match(await page.locator('.backorder-notify-error').textContent(), /is not an email address/);
  }
  await shots.shot(page, 'xss-notify');
  await close();
});
