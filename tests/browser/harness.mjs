// Shared pieces of the browser tests: Debian's Chromium through playwright-core (never a downloaded browser),
// a demo server started on a free 127.0.0.1 port and stopped after the test, and screenshots kept as artifacts
// under build/browser-artifacts/<suite>/ (BO_BROWSER_ARTIFACTS overrides the folder).
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function launch() {
  return chromium.launch({
    executablePath: process.env.BO_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // Root in a container has no user namespaces for the sandbox; nothing here is untrusted web content.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
           '--no-first-run', '--disable-extensions'],
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Starts `command args…` with every "{port}" in args and env values replaced by a free port, waits until
// `readyPath` answers (any HTTP status below 500), and returns { url, stop, output }. The server's output is
// kept so a failing test can print it.
export async function serve(command, args, { env = {}, cwd = root, readyPath = '/', timeoutMs = 30000 } = {}) {
  const port = await freePort();
  const fill = (s) => String(s).replaceAll('{port}', String(port));
  const child = spawn(command, args.map(fill), {
    cwd,
    env: { ...process.env, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, fill(v)])) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(url + readyPath);
      if (res.status < 500) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${command} did not answer ${url}${readyPath} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
  return { url, stop, output: () => output };
}

// Screenshots numbered in the order taken: 01-product.png, 02-cart.png, …
export function artifacts(suite) {
  const dir = path.join(process.env.BO_BROWSER_ARTIFACTS || path.join(root, 'build/browser-artifacts'), suite);
  rmSync(dir, { recursive: true, force: true }); // only this run's screenshots, never a stale one from an earlier run
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return {
    dir,
    shot: (page, step) => page.screenshot({
      path: path.join(dir, `${String(++n).padStart(2, '0')}-${step}.png`), fullPage: true }),
  };
}
