// Turns the measurements into rows (figure, PinDesk, blank app, ratio, budget, verdict) and prints
// them. A row without a budget, or one not measured, never fails the run.

const MB = 1000 * 1000;
const KB = 1000;

const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '—');
const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / MB).toFixed(2)} MB` : '—');
const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / KB).toFixed(1)} kB` : '—');
const ratioOf = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);

function compared(figure, pindesk, blank, show, maxRatio) {
  const ratio = ratioOf(pindesk, blank);
  return {
    figure,
    pindesk: show(pindesk),
    blank: show(blank),
    ratio: Number.isFinite(ratio) ? ratio.toFixed(2) : '—',
    budget: `ratio ≤ ${maxRatio}`,
    pass: Number.isFinite(ratio) ? ratio <= maxRatio : false,
  };
}

function absolute(figure, pindesk, blank, show, max, budget) {
  const ratio = ratioOf(pindesk, blank);
  return {
    figure,
    pindesk: show(pindesk),
    blank: show(blank),
    ratio: Number.isFinite(ratio) ? ratio.toFixed(2) : '—',
    budget: max === null ? 'none' : budget,
    pass: max === null ? null : pindesk <= max,
  };
}

// Round trips are printed against the minimum the API allows; the issue sets no budget on them,
// so they inform (at min / above min) and never fail the run.
function trips(figure, text, minimum, atMinimum) {
  const note = atMinimum === null ? 'info' : atMinimum ? 'at min' : 'above min';
  return { figure, pindesk: text, blank: '—', ratio: '—', budget: `min ${minimum}`, pass: null, note };
}

/** The worst of the flow runs, so one run with a stray request is not hidden by the others. */
function worst(list, pick) {
  return list.reduce((most, item) => (pick(item) > pick(most) ? item : most));
}

export function verdicts(results, median) {
  const { cold, flows, sizes, paces, search, setup, latencyMs, day } = results;
  const rows = [];
  const late = cold.pindesk.filter((r) => r.already).length + cold.blank.filter((r) => r.already).length;
  rows.push(compared(
    `Cold start to interactive (median of ${cold.pindesk.length}${late ? `, ${late} late reads` : ''})`,
    median(cold.pindesk.map((r) => r.ms)), median(cold.blank.map((r) => r.ms)), ms, 1.1,
  ));
  // Memory is judged like with like. On Linux PinDesk paints without WebKitGTK's compositing
  // (src-tauri/src/rendering.rs), which Windows and macOS do not offer, so its baseline is the
  // blank app painting the same way; the blank app as WebKit sets it up is printed beside, for
  // information only.
  const pss = (list) => median(list.map((r) => r.pssKb * 1024));
  for (const [figure, pindesk, blank, plain, max] of [
    ['2 s after first screen', cold.pindesk, cold.blank, cold.blankPlain, 1.1],
    ['after a full reset flow', flows.pindesk, flows.blank, flows.blankPlain, 1.2],
  ]) {
    if (!plain?.length) {
      rows.push(compared(`Memory PSS, ${figure}`, pss(pindesk), pss(blank), mb, max));
      continue;
    }
    rows.push(compared(`Memory PSS, ${figure} (blank app painting as PinDesk does)`, pss(pindesk), pss(plain), mb, max));
    rows.push({ ...compared("  against the blank app with WebKit's default compositing", pss(pindesk), pss(blank), mb, max),
      budget: 'none', pass: null });
  }

  rows.push(absolute('Release binary (LTO, 1 CGU, strip, opt "s")',
    sizes.binary.pindesk, sizes.binary.blank, mb, 10 * MB, '≤ 10 MB'));
  if (sizes.deb.pindesk === null) {
    rows.push({ figure: '.deb bundle', pindesk: `not measured: ${sizes.deb.why ?? 'no bundle'}`,
      blank: '—', ratio: '—', budget: 'none', pass: null });
  } else {
    rows.push(absolute('.deb bundle', sizes.deb.pindesk, sizes.deb.blank ?? NaN, mb, null));
  }
  for (const [language, name] of [['en', 'English'], ['de', 'German']]) {
    const load = sizes.firstStart?.[language];
    rows.push(absolute(`Front end a first start loads, ${name} (${load?.files.length ?? 0} files), gzipped`,
      load?.bytes ?? NaN, sizes.frontEnd.blank, kb, 60 * KB, '≤ 60 kB'));
  }
  rows.push(absolute('Front end, whole bundle (JS + CSS, both languages), gzipped',
    sizes.frontEnd.pindesk, sizes.frontEnd.blank, kb, null));

  const runs = flows.pindesk.map((r) => r.trips);
  const silent = worst(runs.map((t) => t.silentStart), (c) => c.token + c.graph + c.other);
  const others = silent.lines.filter((line) => !/\/token |^\w+ \/(v1\.0|beta)\//.test(line));
  const otherText = others.map((line) => line.replace(/^(\w+) \S*?([^/?]+)(\?\S*)? \d+$/, '$1 $2')).join(', ');
  const silentPass = silent.token <= 1 && silent.graph === 0;
  rows.push({ figure: 'Round trips: silent start, before first screen painted',
    pindesk: `${silent.token} token, ${silent.graph} Graph${others.length ? `, ${others.length} other (${otherText})` : ''}`,
    blank: '—', ratio: '—', budget: '≤ 1 token, 0 Graph', pass: silentPass });
  rows.push(trips('  then, after the paint (setup ✓ marks)',
    `${silent.after.token} token, ${silent.after.graph} Graph`, '—', null));
  // Device names and people are asked for together (with the serial number when the text looks
  // like one): one round trip of 2 or 3 requests when no person matches, as here.
  for (const [key, label, sent] of [['searchName', 'name', 2], ['searchSerial', 'serial or name', 3]]) {
    const counts = worst(runs.map((t) => t[key]), (c) => c.graph + c.token);
    rows.push(trips(`Round trips: search by ${label}, per settled query`,
      `${counts.graph} Graph, ${counts.token} token`, `${sent} Graph in 1 round trip`,
      counts.graph <= sent && counts.token === 0));
  }
  // Reads before the POST are no polls: they count against the minimum.
  const reset = worst(runs.map((t) => t.reset), (c) => c.graph + c.token);
  const post = reset.lines.findIndex((line) => /^POST \S*\/resetPasscode /.test(line));
  const before = reset.lines.slice(0, Math.max(post, 0)).filter((line) => /^\w+ \/(v1\.0|beta)\//.test(line)).length;
  const polls = reset.graphReads - reset.lines.slice(0, Math.max(post, 0)).filter((l) => l.startsWith('GET ')).length;
  const extra = reset.graph - reset.resetPosts - reset.graphReads;
  rows.push(trips('Round trips: reset to passcode shown',
    `${before ? `${before} read before + ` : ''}${reset.resetPosts} POST + ${polls} polls` +
      `${extra ? ` + ${extra} other` : ''}${reset.token ? `, ${reset.token} token` : ''}`,
    '1 POST + polls', before === 0 && reset.resetPosts === 1 && extra === 0 && reset.token === 0));
  if (setup.status === 'measured') {
    const { graph } = setup.counts;
    rows.push(trips('Round trips: setup overview', `${graph} Graph`, '1', graph <= 1));
  } else {
    rows.push(trips('Round trips: setup overview', setup.status, '1', null));
  }

  for (const pace of paces) {
    const reads = Math.max(...pace.runs.map((r) => r.reads));
    const extra = pace.runs.some((r) => r.readsBefore !== 1 || r.posts !== 1 || r.other !== 0);
    rows.push({
      figure: `Status reads per reset, device reports after ${pace.name}, ${latencyMs} ms latency (worst of ${pace.runs.length})`,
      pindesk: `${reads} (planned ${pace.planned}; runs ${pace.runs.map((r) => r.reads).join(', ')})` +
        `${extra ? ' + unexpected requests' : ''}`,
      blank: '—', ratio: '—', budget: `≤ ${pace.maxReads}, + 1 read before and 1 POST`,
      pass: reads <= pace.maxReads && !extra,
    });
    const late = Math.max(...pace.runs.map((r) => r.afterReportMs));
    rows.push({
      figure: `  passcode painted after Intune first reported it (worst)`,
      pindesk: `${ms(late)} (${pace.runs.map((r) => r.afterReportMs.toFixed(0)).join(', ')})`,
      blank: '—', ratio: '—', budget: `≤ ${pace.maxAfterReportMs} ms`,
      pass: late <= pace.maxAfterReportMs,
    });
  }
  const searched = median(search.map((r) => r.ms));
  const searchBudget = latencyMs + 60;
  rows.push({
    figure: `Search, ${(100000).toLocaleString('en')} devices, last key (${results.keyGapMs} ms after ` +
      'the one before) → first page',
    pindesk: `${ms(searched)} (${search.map((r) => r.ms.toFixed(0)).join(', ')})`,
    blank: '—', ratio: '—',
    budget: `≤ ${searchBudget} ms`,
    pass: searched <= searchBudget,
  });
  rows.push({
    figure: '  of which (medians): until tenant answered / answer → paint',
    pindesk: `${ms(median(search.map((r) => r.untilAnsweredMs)))} / ` +
      `${ms(median(search.map((r) => r.afterAnswerMs)))}`,
    blank: '—', ratio: '—', budget: '—', pass: null,
    note: `${median(search.map((r) => r.graph))} req/query, the keys before the pause included ` +
      `(a burst of keys waits ${results.debounceMs} ms)`,
  });
  if (day) {
    const [first, last] = [day.curve[0], day.curve.at(-1)];
    const growth = last.pssKb / first.pssKb;
    rows.push({
      figure: `Working day (${day.actions} actions${day.failures.length ? `, ${day.failures.length} failed` : ''}): PSS at end / after 100`,
      pindesk: `${mb(last.pssKb * 1024)} / ${mb(first.pssKb * 1024)} = ${growth.toFixed(3)}`,
      blank: '—', ratio: '—', budget: '≤ 1.05', pass: growth <= 1.05 && day.failures.length === 0,
    });
    rows.push({
      figure: '  lasting threads (all threads) / open files, after 100 → at end',
      pindesk: `${first.lasting} → ${last.lasting} (${first.threads} → ${last.threads}) / ${first.files} → ${last.files}`,
      blank: '—', ratio: '—', budget: 'the same, read 12 s idle', pass: first.lasting === last.lasting && first.files === last.files,
    });
    rows.push({
      figure: '  log files at end',
      pindesk: `${day.logs.length} files, largest ${kb(Math.max(0, ...day.logs.map((f) => f.bytes)))}`,
      blank: '—', ratio: '—', budget: `within rotation (${day.logLimit})`, pass: day.logsWithinRotation,
    });
  }
  return rows;
}

const verdict = (row) => row.note ?? (row.pass === null ? 'info' : row.pass ? 'pass' : 'FAIL');

export function printTable(rows, results) {
  const header = ['Figure', 'PinDesk', 'Blank app', 'Ratio', 'Budget', 'Result'];
  const cells = rows.map((r) => [r.figure, r.pindesk, r.blank, r.ratio, r.budget, verdict(r)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(`PinDesk ${results.version} benchmarks, ${results.date}`);
  console.log(`Status read schedule: ${results.schedule}`);
  if (results.day) {
    const curve = results.day.curve.map((p) => `${p.actions}: ${(p.pssKb / 1000).toFixed(1)} MB, ${p.lasting} (${p.threads}) thr, ${p.files} fds`);
    console.log(`Working day curve: ${curve[0]} … ${curve.at(-1)} (all: ${curve.join('; ')})`);
    console.log(`  per process (MB), after 100: ${results.day.curve[0].parts}; at end: ${results.day.curve.at(-1).parts}`);
    const [start, end] = [results.day.curve[0].kinds ?? {}, results.day.curve.at(-1).kinds ?? {}];
    const changed = [...new Set([...Object.keys(start), ...Object.keys(end)])]
      .filter((kind) => (start[kind] ?? 0) !== (end[kind] ?? 0))
      .map((kind) => `${kind} ${start[kind] ?? 0} → ${end[kind] ?? 0}`);
    console.log(`  open files that changed, by process and kind: ${changed.join(', ') || 'none'}`);
  }
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
  const failed = rows.filter((r) => r.pass === false).length;
  console.log(failed ? `\n${failed} budget(s) exceeded.` : '\nEvery budget holds.');
}

/** The same table in Markdown, for docs/performance.md. */
export function markdownTable(rows) {
  const escape = (text) => String(text).replaceAll('|', '\\|');
  return [
    '| Figure | PinDesk | Blank app | Ratio | Budget | Result |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${[r.figure, r.pindesk, r.blank, r.ratio, r.budget, verdict(r)].map(escape).join(' | ')} |`),
  ].join('\n');
}
