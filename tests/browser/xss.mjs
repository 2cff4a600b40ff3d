// The XSS corpus every demo page is tested with, and the checks that nothing in it came alive: hostile product
// names, skus in URLs, notify-me contacts and checkout fields must come out as the very text they were.
import assert from 'node:assert/strict';

export const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=1">',
  "'><svg onload=window.__xss=1>",
  '</script><script>window.__xss=1;alert(1)</script>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1" id="xss-link">click</a>',
  '<img src=x onerror=alert(document.domain)>',
  // template languages: Django's, PHP-side and client-side interpolation
  '{{ request }} {% csrf_token %} ${window.__xss=1} {{constructor.constructor("window.__xss=1")()}}',
  '\u2028\u2029<!-- <script>window.__xss=1</script> -->',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
];

// A fresh context whose dialogs (alert, confirm) are recorded and dismissed.
export async function openPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  return { page, dialogs, close: () => context.close() };
}

// No injected script ran, no dialog opened, no injected element exists inside `scope`; with onlyJsonLd, the
// page carries no script but its JSON-LD block.
export async function assertInert(page, dialogs, where, { scope = 'main', onlyJsonLd = false } = {}) {
  assert.equal(await page.evaluate(() => window.__xss), undefined, `${where}: an injected script ran`);
  assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
  const injected = await page.locator(
    `${scope} img, ${scope} svg, ${scope} iframe, #xss-link, [onerror], [onload]`).count();
  assert.equal(injected, 0, `${where}: injected markup became elements`);
  if (onlyJsonLd) {
    const scripts = await page.locator('script').evaluateAll((ss) => ss.map((s) => s.type));
    assert.ok(scripts.every((t) => t === 'application/ld+json'), `${where}: scripts ${scripts}`);
  }
}
