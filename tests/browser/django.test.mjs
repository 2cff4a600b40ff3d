// The Django demo shop (examples/django-shop, over plugins/django's backorder_django app) in Debian's Chromium:
// the product label and its JSON-LD, ship now versus ship together, a per-line choice, the order confirmation
// from the ledger, notify-me, and a corpus of hostile names and inputs. What the pages should say is asked of
// the engine through the `backorder` command (the C ABI), never typed in here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, serve, artifacts, root } from './harness.mjs';
import { PAYLOADS, assertInert, openPage } from './xss.mjs';
import {
  NOW, apparel, build, engine, expectedSummary, hostileCatalog, restockRecipients, summary,
} from './shop.mjs';

const SECRET = 'django-shop-test-secret-0123456789';
// Screenshots of this run only: the folder is emptied first (numbering restarts with each run).
rmSync(path.join(process.env.BO_BROWSER_ARTIFACTS || path.join(root, 'build/browser-artifacts'), 'django'),
  { recursive: true, force: true });
const shots = artifacts('django');

let browser;
const shops = [];
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const s of shops) {
    await s.stop();
    rmSync(s.data, { recursive: true, force: true });
  }
});

function planFor(dir, skus) {
  const cartFile = path.join(dir, `cart-${skus.join('+')}.json`);
  writeFileSync(cartFile, JSON.stringify({
    currency: 'USD',
    lines: skus.map((sku, i) => ({ line_id: String(i + 1), sku, quantity: 1 })),
    customer: { locale: 'en-US', zone: 'US' },
  }));
  return engine(['checkout', cartFile]);
}

// `manage.py runserver` (no autoreloader: one process to stop) on a free port, with a fresh ledger.
async function startShop(env = {}) {
  const data = mkdtempSync(path.join(os.tmpdir(), 'bo-django-shop-'));
  const server = await serve('/usr/bin/python3', [
    path.join(root, 'examples/django-shop/manage.py'), 'runserver', '127.0.0.1:{port}', '--noreload',
  ], {
    env: {
      PYTHONPATH: path.join(build, 'python'),
      PYTHONDONTWRITEBYTECODE: '1',
      BO_SHOP_DATA: data, BO_SHOP_NOW: NOW, BO_SHOP_SECRET: SECRET, ...env,
    },
  });
  const shop = { ...server, data };
  shops.push(shop);
  return shop;
}

// A page that records every dialog (an injected alert() would open one).
async function jsonLd(page) {
  const scripts = page.locator('script[type="application/ld+json"]');
  assert.equal(await scripts.count(), 1, 'one JSON-LD block');
  return JSON.parse(await scripts.textContent());
}

// Submits a form and waits for the page it leads to (after the redirect) to have loaded.
async function submit(page, selector) {
  await page.click(selector);
  await page.waitForLoadState('load');
}

async function addToCart(page, url, sku) {
  await page.goto(`${url}/product?sku=${encodeURIComponent(sku)}`);
  await submit(page, '#add-to-cart');
  await page.waitForURL(`${url}/cart`);
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('catalog and product pages: the label is visible and says what the JSON-LD says', async () => {
  const shop = await startShop();
  const all = engine(['labels']).labels;
  const labels = Object.fromEntries(all.map((l) => [l.sku, l]));
  const { page, dialogs, close } = await openPage(browser);

  await page.goto(shop.url);
  const rows = await page.locator('#catalog tr[data-sku]').evaluateAll((trs) => trs.map((tr) => [
    tr.dataset.sku, tr.querySelector('.backorder-availability').textContent,
    tr.querySelector('.backorder-availability').dataset.status]));
  assert.deepEqual(rows.map((r) => r[0]), all.map((l) => l.sku), 'every item, in catalog order');
  // The shop labels over its ledger, which counts the units promised to and backordered by its own waiting
  // orders (none yet) and keeps no `promised` / `backordered` from stock rows: compare the items without those.
  const stockRows = JSON.parse(readFileSync(path.join(apparel, 'stock.json'), 'utf8')).stock;
  const ledgerKeeps = new Set(stockRows.filter((s) => s.promised || s.backordered).map((s) => s.sku));
  assert.deepEqual(rows.filter((r) => !ledgerKeeps.has(r[0])),
    all.filter((l) => !ledgerKeeps.has(l.sku)).map((l) => [l.sku, l.text, l.status]));
  await shots.shot(page, 'catalog');

  for (const sku of ['JKT-NAVY-M', 'JKT-NAVY-L', 'BOOT-CHEL-42', 'CAP-WINTER-27', 'TEE-BASIC-S']) {
    const want = labels[sku];
    await page.goto(`${shop.url}/product?sku=${sku}`);
    const label = page.locator('#availability');
    assert.ok(await label.isVisible(), `${sku}: label visible`);
    assert.equal(await label.textContent(), want.text, sku);
    assert.equal(await label.getAttribute('data-status'), want.status, sku);
    const ld = await jsonLd(page);
    assert.equal(ld['@type'], 'Product');
    assert.equal(ld.sku, sku);
    assert.equal(ld.offers.availability, want.schema_org, `${sku}: JSON-LD availability`);
    assert.equal(ld.offers.availabilityStarts, want.merchant.availability_date ?? undefined, `${sku}: JSON-LD date`);
    // the label element carries the same schema.org value as the JSON-LD
    assert.equal(await label.getAttribute('data-schema-org'), ld.offers.availability, sku);
    if (want.later_window) {
      // the first day the page promises is the JSON-LD's date, as a local day
      const shown = page.locator('#ships time.later-window');
      assert.ok(await shown.isVisible(), `${sku}: ship window visible`);
      assert.deepEqual([await shown.getAttribute('data-from'), await shown.getAttribute('data-to')],
        [want.later_window.from, want.later_window.to], sku);
      assert.equal(ld.offers.availabilityStarts.slice(0, 10), want.later_window.from, sku);
    }
    await shots.shot(page, `product-${sku}`);
  }
  assert.deepEqual(dialogs, []);
  await close();
});

test('checkout: ship now versus ship together changes dates and charges; the confirmation shows the wait', async () => {
  const shop = await startShop();
  const skus = ['JKT-NAVY-M', 'SCF-WOOL-GRY', 'JNS-SLIM-32'];
  const plan = planFor(shop.data, skus);
  assert.ok(plan.mixed, 'the cart mixes stock and backorder');

  const { page, dialogs, close } = await openPage(browser);
  for (const sku of skus) await addToCart(page, shop.url, sku);
  await shots.shot(page, 'cart');
  const lines = await page.locator('tr.line').evaluateAll((trs) => trs.map((tr) => [tr.dataset.sku,
    tr.querySelector('.backorder-availability').textContent]));
  assert.deepEqual(lines, plan.lines.map((l) => [l.sku, l.label.text]));
  assert.equal(await page.locator('#summary').getAttribute('data-strategy'), plan.default_strategy);
  assert.deepEqual(await page.locator('#disclosures li').allTextContents(), plan.disclosures.map((d) => d.text));

  await page.check('input[name=strategy][value=ship_available]');
  await submit(page, '#update');
  const now = await summary(page);
  assert.deepEqual(now, expectedSummary(plan, 'ship_available'));
  await shots.shot(page, 'ship-available');

  await page.check('input[name=strategy][value=ship_together]');
  await submit(page, '#update');
  const together = await summary(page);
  assert.deepEqual(together, expectedSummary(plan, 'ship_together'));
  await shots.shot(page, 'ship-together');
  // what the shopper sees changes with the choice: the in-stock items' dates and the shipping charge
  assert.notDeepEqual(now.shipments.map((s) => s.ship), together.shipments.map((s) => s.ship));
  assert.notDeepEqual(now.shipments.map((s) => s.delivery), together.shipments.map((s) => s.delivery));
  assert.notEqual(now.shipping, together.shipping);
  assert.notEqual(now.total, together.total);

  // The shopper goes back to receiving what is ready now and places the order.
  await page.check('input[name=strategy][value=ship_available]');
  await page.fill('input[name=name]', 'Dana');
  await page.fill('input[name=email]', 'dana@example.com');
  await submit(page, '#place-order');
  await page.waitForURL(/\/order\?id=DJ-/);
  await shots.shot(page, 'confirmation');
  assert.equal(await page.locator('#order-strategy').getAttribute('data-strategy'), 'ship_available');
  const jacket = plan.lines.find((l) => l.sku === 'JKT-NAVY-M');
  const row = page.locator('tr.order-line.backordered');
  assert.equal(await row.count(), 1, 'one backordered line');
  assert.equal(await row.getAttribute('data-sku'), 'JKT-NAVY-M');
  const window = [jacket.label.later_window.from, jacket.label.later_window.to];
  for (const cls of ['ship', 'promised']) {
    const time = row.locator(`time.${cls}`);
    assert.ok(await time.isVisible(), `${cls} window visible`);
    assert.deepEqual([await time.getAttribute('data-from'), await time.getAttribute('data-to')], window, cls);
  }
  // the shipment the shopper chose for the jacket is that same window
  const shipment = expectedSummary(plan, 'ship_available').shipments.find((s) => s.lines === jacket.line_id);
  assert.deepEqual(shipment.ship, window);
  // the confirmation message (the ledger's outbox) restates that window in words
  const text = await page.locator('#confirmation').textContent();
  assert.match(text, new RegExp(`${escapeRegExp(jacket.name)}.*${escapeRegExp(jacket.label.short_text.replace(/^Ships /, ''))}`));
  assert.match(text, /Dana/);
  assert.equal(await page.locator('#cart-link').textContent(), 'Cart (0)');

  // Another session cannot read the order.
  const other = await openPage(browser);
  await other.page.goto(page.url());
  assert.equal(await other.page.locator('#error').textContent(), 'There is no such order in this session.');
  await other.close();
  assert.deepEqual(dialogs, []);
  await close();
});

test('per-line choice: taking an in-stock alternative replans the cart', async () => {
  const shop = await startShop();
  const before = planFor(shop.data, ['JKT-NAVY-M', 'SCF-WOOL-GRY']);
  const jacket = before.lines[0];
  assert.ok(jacket.options.includes('alternative'));
  const alternative = jacket.alternatives[0];
  const after = planFor(shop.data, [alternative.sku, 'SCF-WOOL-GRY']);

  const { page, dialogs, close } = await openPage(browser);
  await addToCart(page, shop.url, 'JKT-NAVY-M');
  await addToCart(page, shop.url, 'SCF-WOOL-GRY');
  const select = page.locator('tr.line[data-sku="JKT-NAVY-M"] select.choice');
  const offered = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(offered, [
    ...(jacket.options.includes('wait') ? ['wait'] : []),
    ...jacket.alternatives.map((a) => `alternative:${a.sku}`),
    ...(jacket.options.includes('remove') ? ['remove'] : []),
  ]);
  await select.selectOption(`alternative:${alternative.sku}`);
  await shots.shot(page, 'choice-alternative');
  await submit(page, '#update');
  await page.waitForURL(`${shop.url}/cart`);
  const lines = await page.locator('tr.line').evaluateAll((trs) => trs.map((tr) => [tr.dataset.sku,
    tr.querySelector('.backorder-availability').textContent]));
  assert.deepEqual(lines, after.lines.map((l) => [l.sku, l.label.text]));
  assert.equal(await page.locator('input[name=strategy]').count(), after.strategies.length);
  assert.deepEqual(await summary(page), expectedSummary(after, after.default_strategy));
  await shots.shot(page, 'choice-replanned');

  // "Remove it" on a line that waits takes it out of the cart.
  await addToCart(page, shop.url, 'BOOT-CHEL-42');
  await page.locator('tr.line[data-sku="BOOT-CHEL-42"] select.choice').selectOption('remove');
  await submit(page, '#update');
  await page.waitForURL(`${shop.url}/cart`);
  assert.deepEqual(await page.locator('tr.line').evaluateAll((trs) => trs.map((tr) => tr.dataset.sku)),
    after.lines.map((l) => l.sku));
  assert.deepEqual(dialogs, []);
  await close();
});

test('notify-me: the subscription lands in the ledger and hears of the restock', async () => {
  const shop = await startShop();
  const { page, dialogs, close } = await openPage(browser);
  await page.goto(`${shop.url}/product?sku=TEE-BASIC-S`);
  await page.fill('input[name=contact]', 'not an address');
  await submit(page, '#notify-me');
  assert.equal(await page.locator('#form-error').textContent(), '“not an address” is not an email address we can write to.');
  await shots.shot(page, 'notify-me-refused');
  await page.fill('input[name=contact]', 'lee@example.com');
  await submit(page, '#notify-me');
  assert.equal(await page.locator('#notice').textContent(), 'We will email lee@example.com when it can be ordered.');
  await shots.shot(page, 'notify-me');
  // asking twice is one subscription
  await page.fill('input[name=contact]', 'LEE@example.com');
  await submit(page, '#notify-me');
  assert.deepEqual(dialogs, []);
  await close();

  // Six tees come back: the ledger (through the CLI, the C ABI) tells the subscriber, once.
  assert.deepEqual(restockRecipients(shop.data, SECRET), ['lee@example.com']);
});


test('XSS corpus: hostile names and shopper input come out escaped and never run', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bo-django-xss-'));
  const shop = await startShop(hostileCatalog(dir, PAYLOADS));
  const { page, dialogs, close } = await openPage(browser);

  await page.goto(shop.url);
  await assertInert(page, dialogs, 'catalog', { onlyJsonLd: true });
  const names = await page.locator('tr[data-sku^="XSS-"] a').allTextContents();
  assert.deepEqual(names, PAYLOADS);
  await shots.shot(page, 'xss-catalog');

  for (const [i, name] of PAYLOADS.entries()) {
    await page.goto(`${shop.url}/product?sku=XSS-${i}`);
    await assertInert(page, dialogs, `product XSS-${i}`, { onlyJsonLd: true });
    assert.equal(await page.locator('#product-name').textContent(), name);
    assert.equal((await jsonLd(page)).name, name, 'the JSON-LD keeps the name intact');
    assert.equal(await page.title(), `${name} (Backorder Django demo)`);
  }
  await shots.shot(page, 'xss-product');

  // a hostile sku in the URL is answered with a page that names it, as text
  for (const payload of [PAYLOADS[1], PAYLOADS[3]]) {
    await page.goto(`${shop.url}/product?sku=${encodeURIComponent(payload)}`);
    await assertInert(page, dialogs, 'unknown sku', { onlyJsonLd: true });
    assert.equal(await page.locator('#error').textContent(), `There is no product “${payload}”.`);
  }
  await shots.shot(page, 'xss-unknown-sku');

  // notify-me with hostile contacts: refused, and the refusal quotes them as text
  await page.goto(`${shop.url}/product?sku=XSS-0`);
  for (const contact of PAYLOADS.slice(0, 4)) {
    await page.fill('input[name=contact]', contact);
    await submit(page, '#notify-me');
    await assertInert(page, dialogs, 'notify-me refusal', { onlyJsonLd: true });
    assert.equal(await page.locator('#form-error').textContent(), `“${contact}” is not an email address we can write to.`);
    assert.equal(await page.locator('input[name=contact]').inputValue(), contact);
  }
  await shots.shot(page, 'xss-notify');

  // the cart: hostile lines and alternatives, hostile checkout fields refused and quoted back
  await addToCart(page, shop.url, 'JKT-NAVY-M');
  await addToCart(page, shop.url, 'XSS-1');
  await addToCart(page, shop.url, 'XSS-2');
  await assertInert(page, dialogs, 'cart', { onlyJsonLd: true });
  assert.deepEqual(await page.locator('tr.line .name').allTextContents(), ['Field jacket, navy, M', PAYLOADS[1], PAYLOADS[2]]);
  const offered = await page.locator('tr.line[data-sku="JKT-NAVY-M"] option').allTextContents();
  assert.ok(offered.some((o) => o.includes(PAYLOADS[3])), 'a hostile alternative is offered, as text');
  await page.fill('input[name=name]', PAYLOADS[0]);
  await page.fill('input[name=email]', PAYLOADS[2]);
  await submit(page, '#place-order');
  await page.waitForURL(`${shop.url}/cart`);
  await assertInert(page, dialogs, 'checkout refusal', { onlyJsonLd: true });
  const errors = await page.locator('#errors').textContent();
  assert.ok(errors.includes(`“${PAYLOADS[2]}” is not an email address we can write to.`), errors);
  assert.equal(await page.locator('input[name=name]').inputValue(), PAYLOADS[0]);
  assert.equal(await page.locator('input[name=email]').inputValue(), PAYLOADS[2]);
  await shots.shot(page, 'xss-checkout');

  await page.fill('input[name=email]', 'mallory@example.com');
  await submit(page, '#place-order');
  await page.waitForURL(/\/order\?id=/);
  await assertInert(page, dialogs, 'confirmation', { onlyJsonLd: true });
  assert.equal(await page.locator('#customer-name').textContent(), PAYLOADS[0]);
  const confirmation = await page.locator('#confirmation').textContent();
  assert.ok(confirmation.includes(PAYLOADS[0]) && confirmation.includes(PAYLOADS[1]), 'the message quotes them as text');
  await shots.shot(page, 'xss-confirmation');

  // the merchant feed of the same catalog keeps every hostile name intact and well-formed (XML)
  const feed = execFileSync('/usr/bin/python3', [path.join(root, 'examples/django-shop/manage.py'), 'backorder_feed',
    '--format', 'xml'], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: path.join(build, 'python'),
    BO_SHOP_DATA: shop.data, BO_SHOP_NOW: NOW, BO_SHOP_CATALOG: path.join(dir, 'catalog.json'),
    BO_SHOP_STOCK: path.join(dir, 'stock.json') } });
  await page.setContent('<div id="feed"></div>');
  const titles = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.querySelector('parsererror')) return null;
    return [...doc.getElementsByTagName('item')].map((i) => i.getElementsByTagName('title')[0].textContent);
  }, feed);
  assert.ok(titles, 'the feed is well-formed XML');
  // XML 1.0 has no U+2028 trouble, but normalizes nothing either: every name comes back as it was
  assert.deepEqual(titles.slice(-PAYLOADS.length), PAYLOADS);
  await assertInert(page, dialogs, 'feed', { onlyJsonLd: true });
  await close();
  rmSync(dir, { recursive: true, force: true });
});
