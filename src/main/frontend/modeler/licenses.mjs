// Writes the license of every package that ends up in the bundle, found through
// esbuild's metafile, so the bundle carries what its MIT and bpmn.io licenses ask.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [metafile, out] = process.argv.slice(2);
const inputs = Object.keys(JSON.parse(readFileSync(metafile, 'utf8')).inputs);
const packages = new Set();
for (const input of inputs) {
  const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
  if (match) {
    packages.add(match[match.length - 1].replace(/^node_modules\//, '').replace(/\/$/, ''));
  }
}
const sections = [...packages].sort().map((name) => {
  const dir = join('node_modules', name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${manifest.license}`;
  return `${name} ${manifest.version} (${manifest.license})\n\n${text}\n`;
});
writeFileSync(out, `Third-party software in modeler-libraries.js and .css\n\n${sections.join('\n' + '-'.repeat(72) + '\n\n')}`);
console.log(`${packages.size} packages' licenses written to ${out}`);
