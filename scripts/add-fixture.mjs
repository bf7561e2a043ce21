#!/usr/bin/env node
// Writes a fixture bundle saved by the side panel ("This capture is wrong") into
// test/fixtures/webmail/: node scripts/add-fixture.mjs ~/Downloads/<provider>-reported-….fixture.json
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(new URL('..', import.meta.url)), 'test/fixtures/webmail');
const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/add-fixture.mjs <bundle.fixture.json>');
  process.exit(2);
}
const bundle = JSON.parse(readFileSync(file, 'utf8'));
if (bundle.kind !== 'complaint-desk-fixture' || bundle.version !== 1) {
  console.error(`${file} is not a Complaint Desk fixture bundle`);
  process.exit(1);
}
for (const f of bundle.files) {
  const path = normalize(f.path);
  if (path.startsWith('..') || path.startsWith('/') || !/^[a-z-]+\/[\w.-]+$/.test(path)) {
    console.error(`refusing the path ${f.path}`);
    process.exit(1);
  }
  const target = join(ROOT, path);
  if (existsSync(target)) {
    console.error(`${path} exists already: rename the bundle's fixture`);
    process.exit(1);
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, f.content);
  console.log(`wrote test/fixtures/webmail/${path}`);
}
console.log('run: npx vitest run extension/capture --project unit');
