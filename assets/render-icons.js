#!/usr/bin/env node
/**
 * Renders assets/icon.svg to the PNG sizes the manifest names (16, 32, 64, 80, 128), with Debian's chromium
 * through playwright-core: `node assets/render-icons.js`. The PNGs are committed; rerun after editing the SVG.
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SIZES = [16, 32, 64, 80, 128];

(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    console.error('Chromium не найден: установите пакет chromium (scripts/setup.sh).');
    process.exit(2);
  }
  const svg = fs.readFileSync(path.join(__dirname, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      await page.screenshot({ path: path.join(__dirname, `icon-${size}.png`), omitBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`Готово: ${SIZES.map((s) => `icon-${s}.png`).join(', ')}`);
})();
