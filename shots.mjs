import { chromium } from 'playwright-core';

const base = 'http://127.0.0.1:4999/';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist'],
});
const jobs = JSON.parse(process.argv[2]);
for (const [name, hash, w, h, phone] of jobs) {
  const ctx = await b.newContext({
    viewport: { width: w, height: h },
    ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    reducedMotion: 'reduce',
  });
  const p = await ctx.newPage();
  await p.goto(base + hash);
  await p.waitForSelector('#map[data-map-ready="true"]', { timeout: 120000 });
  await p.waitForTimeout(4000);
  await p.screenshot({ path: `/tmp/shots/${name}.png` });
  await ctx.close();
}
await b.close();
