// The plain PHP demo shop (examples/php-shop) in Debian's Chromium: the product label and its JSON-LD, ship
// now versus ship together, the order confirmation, notify-me, and a corpus of hostile names and inputs.
// What the pages should say is asked of the engine through the `backorder` command (C ABI), not typed in here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, serve, artifacts, root } from './harness.mjs';
import { PAYLOADS, assertInert, openPage } from './xss.mjs';
import {
  NOW, build, engine, expectedSummary, hostileCatalog, restockRecipients, summary,
} from './shop.mjs';

const SECRET = 'php-shop-test-secret-0123456789';
const shots = artifacts('php-shop');

let browser;
const servers = [];
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const s of servers) {
    await s.stop();
    rmSync(s.data, { recursive: true, force: true });
  }
});

async function startShop(env = {}) {
  const data = mkdtempSync(path.join(os.tmpdir(), 'bo-php-shop-'));
  const server = await serve('php', ['-d', 'ffi.enable=1', '-S', '127.0.0.1:{port}', 'router.php'], {
    cwd: path.join(root, 'examples/php-shop'),
    env: {
      BACKORDER_LIBRARY: path.join(build, 'capi/libbackorder.so.1'),
      BO_SHOP_DATA: data, BO_SHOP_NOW: NOW, BO_SHOP_SECRET: SECRET, ...env,
    },
  });
  const shop = { ...server, data };
  servers.push(shop);
  return shop;
}

// A page that records every dialog (an injected alert() would open one) and fails on a server error.
async function jsonLd(page) {
  const text = await page.locator('script[type="application/ld+json"]').textContent();
  return JSON.parse(text);
}

async function addToCart(page, url, sku) {
  await page.goto(`${url}/product?sku=${encodeURIComponent(sku)}`);
  await page.click('#add-to-cart');
  await page.waitForURL(`${url}/cart`);
}

test('product pages: the label is visible and says what the JSON-LD says', async () => {
  const shop = await startShop();
  const labels = Object.fromEntries(engine(['labels']).labels.map((l) => [l.sku, l]));
  const { page, dialogs, close } = await openPage(browser);
  for (const sku of ['JKT-NAVY-M', 'JKT-NAVY-L', 'CAP-WINTER-27', 'TEE-BASIC-S']) {
    const want = labels[sku];
    await page.goto(`${shop.url}/product?sku=${sku}`);
    const label = page.locator('#availability');
    assert.ok(await label.isVisible(), `${sku}: label visible`);
    assert.equal(await label.textContent(), want.text, sku);
    assert.equal(await label.getAttribute('data-status'), want.status, sku);
    const offer = (await jsonLd(page)).offers;
    assert.equal(offer.availability, want.schema_org, `${sku}: JSON-LD availability`);
    assert.equal(offer.availabilityStarts, want.merchant.availability_date, `${sku}: JSON-LD date`);
    if (want.later_window) {
      // the date the text promises is the JSON-LD's first day
      const shown = await page.locator('#ships time').getAttribute('data-from');
      assert.equal(shown, want.later_window.from, sku);
      assert.equal(offer.availabilityStarts.slice(0, 10), shown, sku);
    }
    await shots.shot(page, `product-${sku}`);
  }
  assert.deepEqual(dialogs, []);
  await close();
});

test('checkout: ship now versus ship together changes dates and charges; the confirmation shows the wait', async () => {
  const shop = await startShop();
  const skus = ['JKT-NAVY-M', 'SCF-WOOL-GRY', 'JNS-SLIM-32'];
  const cartFile = path.join(shop.data, 'cart.json');
  writeFileSync(cartFile, JSON.stringify({
    currency: 'USD',
    lines: skus.map((sku, i) => ({ line_id: String(i + 1), sku, quantity: 1 })),
    customer: { locale: 'en-US', zone: 'US' },
  }));
  const plan = engine(['checkout', cartFile]);
  assert.ok(plan.mixed, 'the cart mixes stock and backorder');

  const { page, dialogs, close } = await openPage(browser);
  for (const sku of skus) await addToCart(page, shop.url, sku);
  await shots.shot(page, 'cart');
  const lines = await page.locator('tr.line').evaluateAll((trs) => trs.map((tr) => [tr.dataset.sku,
    tr.querySelector('.availability').textContent]));
  assert.deepEqual(lines, plan.lines.map((l) => [l.sku, l.label.text]));
  assert.equal(await page.locator('#summary').getAttribute('data-strategy'), plan.default_strategy);

  await page.check('input[name=strategy][value=ship_available]');
  await page.click('#update');
  const now = await summary(page);
  assert.deepEqual(now, expectedSummary(plan, 'ship_available'));
  await shots.shot(page, 'ship-available');

  await page.check('input[name=strategy][value=ship_together]');
  await page.click('#update');
  const together = await summary(page);
  assert.deepEqual(together, expectedSummary(plan, 'ship_together'));
  await shots.shot(page, 'ship-together');
  assert.notDeepEqual(now.shipments.map((s) => s.delivery), together.shipments.map((s) => s.delivery));
  assert.notEqual(now.shipping, together.shipping);

  // The shopper goes back to receiving what is ready now and places the order.
  await page.check('input[name=strategy][value=ship_available]');
  await page.fill('input[name=name]', 'Dana');
  await page.fill('input[name=email]', 'dana@example.com');
  await page.click('#place-order');
  await page.waitForURL(/\/order\?id=/);
  await shots.shot(page, 'confirmation');
  assert.equal(await page.locator('#order-strategy').getAttribute('data-strategy'), 'ship_available');
  const jacket = plan.lines.find((l) => l.sku === 'JKT-NAVY-M');
  const row = page.locator('tr.order-line.backordered');
  assert.equal(await row.count(), 1, 'one backordered line');
  assert.equal(await row.getAttribute('data-sku'), 'JKT-NAVY-M');
  const time = row.locator('time.ship');
  assert.deepEqual([await time.getAttribute('data-from'), await time.getAttribute('data-to')],
    [jacket.label.later_window.from, jacket.label.later_window.to]);
  assert.ok(await time.isVisible());
  // the confirmation message (the ledger's outbox) restates that window in words
  const window = expectedSummary(plan, 'ship_available').shipments.find((s) => s.lines === jacket.line_id);
  assert.deepEqual(window.ship, [jacket.label.later_window.from, jacket.label.later_window.to]);
  const text = await page.locator('#confirmation').textContent();
  assert.match(text, new RegExp(`${jacket.name}.*${jacket.label.short_text.replace(/^Ships /, '')}`));
  assert.equal(await page.locator('#cart-link').textContent(), 'Cart (0)');
  assert.deepEqual(dialogs, []);
  await close();
});

test('notify-me: the subscription lands in the ledger and hears of the restock', async () => {
  const shop = await startShop();
  const { page, dialogs, close } = await openPage(browser);
  await page.goto(`${shop.url}/product?sku=TEE-BASIC-S`);
  await page.fill('input[name=contact]', 'not an address');
  await page.click('#notify-me');
  assert.equal(await page.locator('#form-error').textContent(), '“not an address” is not an email address we can write to.');
  await page.fill('input[name=contact]', 'lee@example.com');
  await page.click('#notify-me');
  assert.match(await page.locator('#notice').textContent(), /lee@example\.com/);
  await shots.shot(page, 'notify-me');
  await close();

  // Six tees come back: the ledger (through the CLI) tells the subscriber.
  assert.deepEqual(restockRecipients(shop.data, SECRET), ['lee@example.com']);
  assert.deepEqual(dialogs, []);
});


test('XSS corpus: hostile names and shopper input come out escaped and never run', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bo-xss-'));
  const shop = await startShop(hostileCatalog(dir, PAYLOADS));
  const { page, dialogs, close } = await openPage(browser);

  await page.goto(shop.url);
  await assertInert(page, dialogs, 'catalog');
  const names = await page.locator('tr[data-sku^="XSS-"] a').allTextContents();
  assert.deepEqual(names, PAYLOADS);
  await shots.shot(page, 'xss-catalog');

  for (const [i, name] of PAYLOADS.entries()) {
    await page.goto(`${shop.url}/product?sku=XSS-${i}`);
    await assertInert(page, dialogs, `product XSS-${i}`);
    assert.equal(await page.locator('#product-name').textContent(), name);
    assert.equal((await jsonLd(page)).name, name, 'the JSON-LD keeps the name intact');
  }
  await shots.shot(page, 'xss-product');

  // a hostile sku in the URL is answered with a page that names it, as text
  await page.goto(`${shop.url}/product?sku=${encodeURIComponent(PAYLOADS[1])}`);
  await assertInert(page, dialogs, 'unknown sku');
  assert.equal(await page.locator('#error').textContent(), `There is no product “${PAYLOADS[1]}”.`);

  // notify-me with hostile contacts: refused, and the refusal quotes them as text
  await page.goto(`${shop.url}/product?sku=XSS-0`);
  for (const contact of PAYLOADS.slice(0, 4)) {
    await page.fill('input[name=contact]', contact);
    await page.click('#notify-me');
    await assertInert(page, dialogs, 'notify-me refusal');
    assert.equal(await page.locator('#form-error').textContent(), `“${contact}” is not an email address we can write to.`);
    assert.equal(await page.locator('input[name=contact]').inputValue(), contact);
  }
  await shots.shot(page, 'xss-notify');

  // the cart: hostile lines and alternatives, hostile checkout fields refused and quoted back
  await addToCart(page, shop.url, 'JKT-NAVY-M');
  await addToCart(page, shop.url, 'XSS-1');
  await addToCart(page, shop.url, 'XSS-2');
  await assertInert(page, dialogs, 'cart');
  assert.deepEqual(await page.locator('tr.line .name').allTextContents(), ['Field jacket, navy, M', PAYLOADS[1], PAYLOADS[2]]);
  const offered = await page.locator('tr.line[data-sku="JKT-NAVY-M"] option').allTextContents();
  assert.ok(offered.some((o) => o.includes(PAYLOADS[3])), 'a hostile alternative is offered, as text');
  await page.fill('input[name=name]', PAYLOADS[0]);
  await page.fill('input[name=email]', PAYLOADS[2]);
  await page.click('#place-order');
  await page.waitForURL(`${shop.url}/cart`);
  await assertInert(page, dialogs, 'checkout refusal');
  assert.match(await page.locator('#errors').textContent(), /is not an email address/);
  assert.ok((await page.locator('#errors').textContent()).includes(PAYLOADS[2]));
  assert.equal(await page.locator('input[name=name]').inputValue(), PAYLOADS[0]);
  await shots.shot(page, 'xss-checkout');

  await page.fill('input[name=email]', 'mallory@example.com');
  await page.click('#place-order');
  await page.waitForURL(/\/order\?id=/);
  await assertInert(page, dialogs, 'confirmation');
  assert.equal(await page.locator('#customer-name').textContent(), PAYLOADS[0]);
  const confirmation = await page.locator('#confirmation').textContent();
  assert.ok(confirmation.includes(PAYLOADS[0]) && confirmation.includes(PAYLOADS[1]), 'the message quotes them as text');
  await shots.shot(page, 'xss-confirmation');
  await close();
  rmSync(dir, { recursive: true, force: true });
});
