// @vitest-environment node
// The window has exactly one door to the Rust side: src/lib/api.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|svelte|mjs)$/.test(name) ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({
  name: relative(SRC, path).split(sep).join('/'),
  text: readFileSync(path, 'utf8'),
}));

describe('IPC boundary', () => {
  it('finds the source tree', () => {
    expect(files.map((f) => f.name)).toContain('lib/api.ts');
    expect(files.length).toBeGreaterThan(5);
  });

  it('only api.ts imports @tauri-apps/api', () => {
    const importers = files.filter((f) => f.text.includes('@tauri-apps/api')).map((f) => f.name);
    expect(importers).toEqual(['lib/api.ts']);
  });

  it('only api.ts calls invoke()', () => {
    const callers = files
      .filter((f) => /\binvoke\s*[(<]/.test(f.text) || /__TAURI/.test(f.text))
      .map((f) => f.name);
    expect(callers).toEqual(['lib/api.ts']);
  });

  it('never renders raw HTML', () => {
    expect(files.filter((f) => f.text.includes('{@html')).map((f) => f.name)).toEqual([]);
  });

  it('has no inline style attributes in markup', () => {
    const styled = files
      .filter((f) => f.name.endsWith('.svelte') && /\sstyle(=|:)/.test(f.text))
      .map((f) => f.name);
    expect(styled).toEqual([]);
  });

  it('keeps every file small, but for what the Rust side writes', () => {
    const long = files
      .filter((f) => !f.name.startsWith('lib/generated/') && f.text.split('\n').length > 300)
      .map((f) => f.name);
    expect(long).toEqual([]);
  });
});
