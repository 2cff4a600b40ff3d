// What the two demo shops (examples/php-shop, examples/django-shop) share: the same pages, asked of the engine
// the same way. The engine's answers come through the `backorder` command (the C ABI), never typed in.
import { execFileSync } from 'node:child_process';
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
