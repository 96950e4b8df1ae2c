// Copies the SignalR browser client from node_modules into wwwroot/lib/signalr, where the console loads it.
// Run after changing the pinned version:  npm ci && npm run vendor   (then commit wwwroot/lib/signalr).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = join(here, 'node_modules', '@microsoft', 'signalr');
const source = join(pkgDir, 'dist', 'browser');
const target = join(here, '..', 'wwwroot', 'lib', 'signalr');

if (!existsSync(join(source, 'signalr.min.js'))) {
  console.error(`Not found: ${join(source, 'signalr.min.js')} — run "npm ci" first.`);
  process.exit(1);
}

mkdirSync(target, { recursive: true });
const files = ['signalr.min.js', 'signalr.min.js.map'];
for (const file of files) {
  if (existsSync(join(source, file))) {
    copyFileSync(join(source, file), join(target, file));
    console.log(`copied ${file}`);
  }
}

const { version, license } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
for (const name of ['LICENSE.txt', 'LICENSE', 'LICENSE.md']) {
  if (existsSync(join(pkgDir, name))) {
    copyFileSync(join(pkgDir, name), join(target, 'LICENSE.txt'));
    break;
  }
}
writeFileSync(join(target, 'VERSION.txt'), `@microsoft/signalr ${version} (${license}), copied by src/Web/ClientApp: npm ci && npm run vendor\n`);
console.log(`@microsoft/signalr ${version} -> ${target}`);
