// What the two demo shops (examples/php-shop, examples/django-shop) share: the same pages, asked of the engine
// the same way. The engine's answers come through the `backorder` command (the C ABI), never typed in.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './harness.mjs';

export const build = process.env.BO_BUILD_DIR || path.join(root, 'build/dev');
export const cli = path.join(build, 'cli/backorder');
export const apparel = path.join(root, 'examples/apparel');
export const NOW = '2026-11-30T09:00:00-05:00';

// The engine's answer through the CLI, over the same policy, catalog and stock the shop serves.
export function engine(args, data = apparel) {
  const out = execFileSync(cli, [...args, '--format', 'json', '--now', NOW], {
    encoding: 'utf8', env: { ...process.env, BACKORDER_DATA: data },
  });
  return JSON.parse(out);
}

// What the cart's summary shows: the strategy, each shipment's lines, ship and delivery windows and charge.
export async function summary(page) {
  return page.locator('#summary').evaluate((el) => ({
    strategy: el.dataset.strategy,
    disclosure: el.querySelector('#strategy-disclosure').textContent,
    shipping: Number(el.querySelector('#shipping').dataset.minor),
    total: Number(el.querySelector('#total').dataset.minor),
    shipments: [...el.querySelectorAll('tr.shipment')].map((tr) => ({
      lines: tr.dataset.lines,
      ship: [tr.querySelector('time.ship').dataset.from, tr.querySelector('time.ship').dataset.to],
      delivery: [tr.querySelector('time.delivery').dataset.from, tr.querySelector('time.delivery').dataset.to],
      charge: Number(tr.querySelector('.charge').dataset.minor),
    })),
  }));
}

// The same, as the engine's checkout plan says it for strategy `id`.
export function expectedSummary(plan, id) {
  const s = plan.strategies.find((x) => x.id === id);
  return {
    strategy: id,
    disclosure: s.disclosure,
    shipping: s.customer_pays,
    total: plan.subtotal + s.customer_pays,
    shipments: s.shipments.map((sh) => ({
      lines: sh.items.map((i) => i.line_id).join(','),
      ship: [sh.ship.from, sh.ship.to],
      delivery: [sh.delivery.from, sh.delivery.to],
      charge: sh.charge,
    })),
  };
}

// Six basic tees come back: the restock applied to the shop's SQLite ledger in `data` through the CLI (the C
// ABI); the recipients of the back-in-stock messages its outbox then holds.
export function restockRecipients(data, secret) {
  const events = path.join(data, 'restock.json');
  const secretFile = path.join(data, 'secret');
  writeFileSync(events, JSON.stringify({ id: 'restock-1', type: 'stock_received', at: NOW, sku: 'TEE-BASIC-S', quantity: 6 }));
  writeFileSync(secretFile, secret);
  const db = `sqlite:${path.join(data, 'ledger.db')}`;
  const policy = path.join(apparel, 'policy.json');
  execFileSync(cli, ['apply', '--db', db, '--policy', policy, '--secret-file', secretFile, events]);
  const out = JSON.parse(execFileSync(cli, ['outbox', '--db', db, '--policy', policy, '--format', 'json', '--now', NOW],
    { encoding: 'utf8' }));
  return (out.messages ?? out).filter((m) => m.kind === 'back_in_stock').map((m) => m.recipient);
}

// The apparel catalog and stock plus one jacket named after each of `names` (sku XSS-i; every other one in
// stock), written to `dir`; the shop's environment that serves them.
export function hostileCatalog(dir, names) {
  const catalog = JSON.parse(readFileSync(path.join(apparel, 'catalog.json'), 'utf8'));
  const stock = JSON.parse(readFileSync(path.join(apparel, 'stock.json'), 'utf8'));
  names.forEach((name, i) => {
    // jackets in size M: the backordered navy jacket offers them as alternatives, so they reach the cart too
    catalog.items.push({ sku: `XSS-${i}`, name, category: 'jackets', attributes: { size: 'M', colour: 'navy' },
      price: 12900, lead_time_days: { min: 5, max: 9 } });
    stock.stock.push({ sku: `XSS-${i}`, on_hand: i % 2 === 0 ? 0 : 8 });
  });
  writeFileSync(path.join(dir, 'catalog.json'), JSON.stringify(catalog));
  writeFileSync(path.join(dir, 'stock.json'), JSON.stringify(stock));
  return { BO_SHOP_CATALOG: path.join(dir, 'catalog.json'), BO_SHOP_STOCK: path.join(dir, 'stock.json') };
}
