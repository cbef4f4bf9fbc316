// What the benchmarks read from the machine: process start times and memory from /proc, file
// sizes, and a few statistics. Linux only, like the rest of the harness.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Fields of /proc/PID/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * When process `pid` started, as a wall-clock time in ms (the clock Date.now() reads in the harness
 * and in the window alike). The kernel keeps the start in clock ticks since boot (10 ms here), so
 * this is read against /proc/uptime at the same moment.
 */
export function processStartEpochMs(pid) {
  const now = Date.now();
  const uptimeSeconds = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  const startSeconds = Number(statFields(pid)[19]) / CLOCK_TICKS;
  return now - (uptimeSeconds - startSeconds) * 1000;
}

/** `pid` and every process below it: the WebKit web and network processes of a Tauri app. */
export function processTree(pid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const parent = statFields(name)[1];
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(name);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [];
  const queue = [String(pid)];
  while (queue.length > 0) {
    const next = queue.shift();
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

/** Proportional set size in kB of `pid` and its descendants, from smaps_rollup, with names. */
export function pssTree(pid) {
  const parts = [];
  for (const member of processTree(pid)) {
    try {
      const rollup = readFileSync(`/proc/${member}/smaps_rollup`, 'utf8');
      const kb = Number(rollup.match(/^Pss:\s+(\d+) kB/m)?.[1] ?? 0);
      const name = readFileSync(`/proc/${member}/comm`, 'utf8').trim();
      parts.push({ pid: member, name, kb });
    } catch {
      // a process that ended between listing and reading adds nothing
    }
  }
  return { kb: parts.reduce((sum, part) => sum + part.kb, 0), parts };
}

export function fileSize(path) {
  return statSync(path).size;
}

/** Gzipped bytes of the .js and .css files under `dir`, each compressed on its own. */
export function gzippedAssets(dir) {
  let total = 0;
  const walk = (at) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css)$/.test(name)) total += gzipSync(readFileSync(path), { level: 9 }).length;
    }
  };
  walk(dir);
  return total;
}

/** Gzipped bytes of the given files, each compressed on its own. */
export function gzippedFiles(paths) {
  return paths.reduce((total, path) => total + gzipSync(readFileSync(path), { level: 9 }).length, 0);
}

/** The newest .deb under `dir` (tauri build's bundle folder), or null. */
export function newestDeb(dir) {
  try {
    const debs = readdirSync(dir)
      .filter((name) => name.endsWith('.deb'))
      .map((name) => join(dir, name))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    return debs[0] ?? null;
  } catch {
    return null;
  }
}
