// Writes the settings table in README.md from package.json and package.nls.json, so the README lists
// every setting. `node scripts/settings-table.mjs --check` fails when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- settings:start -->';
const END = '<!-- settings:end -->';

export function settingsTable() {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  const nls = JSON.parse(readFileSync('package.nls.json', 'utf8'));
  const text = (s) => (typeof s === 'string' ? s.replace(/^%(.+)%$/, (_, k) => nls[k] ?? s) : '');
  const conf = manifest.contributes.configuration;
  const properties = Object.assign({}, ...(Array.isArray(conf) ? conf : [conf]).map((c) => c.properties));
  const rows = Object.entries(properties).map(([key, p]) => {
    const description = text(p.markdownDescription ?? p.description).replace(/\n+/g, ' ').replace(/\|/g, '\\|');
    return `| \`${key}\` | \`${JSON.stringify(p.default)}\` | ${description} |`;
  });
  return ['| Setting | Default | What it does |', '|---|---|---|', ...rows].join('\n');
}

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < 0) throw new Error(`README.md lacks the ${START} … ${END} markers`);
const updated = `${readme.slice(0, start + START.length)}\n${settingsTable()}\n${readme.slice(end)}`;
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md settings table is out of date: run `npm run docs:settings`.');
    process.exit(1);
  }
} else {
  writeFileSync('README.md', updated);
}
