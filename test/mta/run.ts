// `npm run test:mta`: the integration suite against real mail servers (issue 3). Installs the servers,
// starts each on its own loopback block, relays the SCENARIOS through them, and compares every hop
// Hoplock reads from the delivered message with the truth from the receiving server's own log.
//
//   tsx test/mta/run.ts [--servers pf,ex] [--scenarios t01,t02] [--keep] [--export FILE]
//
// --export writes the delivered headers (addresses rewritten) with each hop's log truth: that is
// test/fixtures/mta-lab.json, which test/mta-lab.test.ts replays on machines that cannot run the lab.
//
// Ends with the plain "N passed, N failed" line (one test per hop, plus one per lab check).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze.js';
import type { Hop } from '../../src/core/types.js';
import { compareHop } from './lab/compare.js';
import { CACHE, install, preflight } from './lab/install.js';
import { makePki } from './lab/pki.js';
import { anyRunning, stopAll } from './lab/proc.js';
import { REWRITE_NOTE, rewriteLabAddresses } from './lab/rewrite.js';
import { type Intent, SCENARIOS, type Scenario, soloScenarios, testDomain } from './lab/scenarios.js';
import { labMessage, swaksSend } from './lab/swaks.js';
import { LISTENERS, type Route, SERVERS, type ServerId, listenerAddress } from './lab/topology.js';
import type { Lab, SessionTruth } from './lab/types.js';
import { ALL_SERVERS } from './servers/index.js';

const LAB_DIR = process.env.HOPLOCK_LAB_DIR ?? '/run/hoplock-mta';
const DELIVERY_TIMEOUT_MS = 120_000;
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (m: string) => console.log(`[lab ${elapsed()}] ${m}`);

function arg(name: string): string[] | null {
  const i = process.argv.indexOf(name);
  return i < 0 ? null : (process.argv[i + 1] ?? '').split(',').filter(Boolean);
}

const chainOf = (sc: Scenario): ServerId[] => [sc.start.kind === 'swaks' ? sc.start.to : sc.start.at, ...sc.relays.map((r) => r.to)];

function listenerOf(sc: Scenario, i: number): string {
  if (i === 0) return sc.start.kind === 'swaks' ? sc.start.listener : 'local';
  return sc.relays[i - 1]?.listener ?? '?';
}

function routesFor(scenarios: Scenario[]): Map<ServerId, Map<string, Route>> {
  const routes = new Map<ServerId, Map<string, Route>>();
  for (const id of Object.keys(SERVERS) as ServerId[]) routes.set(id, new Map());
  for (const sc of scenarios) {
    const chain = chainOf(sc);
    chain.forEach((server, i) => {
      const next = sc.relays[i];
      const table = routes.get(server);
      if (!table) return;
      if (!next) {
        table.set(testDomain(sc.id), { kind: 'deliver' });
      } else if (next.listener === 'lmtp') {
        table.set(testDomain(sc.id), { kind: 'relay', ip: '127.0.6.1', port: 24, mode: 'lmtp', nextHost: SERVERS.dc.host });
      } else {
        const a = listenerAddress(next.to, next.listener);
        const host = LISTENERS[next.listener].suffix === 1 ? SERVERS[next.to].host : `l${LISTENERS[next.listener].suffix}.${SERVERS[next.to].host}`;
        table.set(testDomain(sc.id), { kind: 'relay', ip: a.ip, port: a.port, mode: next.mode, nextHost: host });
      }
    });
  }
  return routes;
}

function listeningSockets(): Set<string> {
  const r = spawnSync('ss', ['-Hltn'], { encoding: 'utf8' });
  return new Set(
    (r.stdout ?? '')
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[3] ?? '')
      .filter((a) => a !== ''),
  );
}

interface HopResult {
  scenario: Scenario;
  index: number;
  server: ServerId;
  listener: string;
  intent: Intent;
  truth: SessionTruth | null;
  hop: Hop | undefined;
  problems: string[];
}

async function main(): Promise<{ passed: number; failed: number }> {
  preflight();
  install(log);
  const only = arg('--servers') as ServerId[] | null;
  const pick = arg('--scenarios');
  let scenarios = [...SCENARIOS, ...soloScenarios(ALL_SERVERS)];
  if (only) scenarios = scenarios.filter((sc) => chainOf(sc).every((s) => only.includes(s)));
  if (pick) scenarios = scenarios.filter((sc) => pick.includes(sc.id));
  const used = [...new Set(scenarios.flatMap(chainOf))];
  usedBlocks = used.map((id) => SERVERS[id].block);
  if (scenarios.length === 0) throw new Error('no scenario selected');
  log(`${scenarios.length} scenarios over ${used.map((s) => SERVERS[s].name).join(', ')}`);

  rmSync(LAB_DIR, { recursive: true, force: true });
  mkdirSync(LAB_DIR, { recursive: true });
  const lab: Lab = { dir: LAB_DIR, roots: join(CACHE, 'roots'), pki: makePki(join(LAB_DIR, 'pki')), log };
  log('PKI ready');

  const before = listeningSockets();
  const routes = routesFor(scenarios);
  for (const id of used) {
    const server = ALL_SERVERS[id];
    await server.configure(lab, routes.get(id) ?? new Map());
  }
  await Promise.all(used.map((id) => ALL_SERVERS[id].start(lab)));
  log(`started: ${used.map((id) => `${SERVERS[id].name} ${ALL_SERVERS[id].version(lab)}`).join('; ')}`);
  const outside = [...listeningSockets()].filter((s) => !before.has(s) && !s.startsWith('127.'));
  const results: HopResult[] = [];
  const exported: unknown[] = [];
  const labFaults: string[] = [];
  if (outside.length > 0) labFaults.push(`listening outside loopback: ${outside.join(' ')}`);

  const sender = 'sender@client.swaks-lab.test';
  for (const sc of scenarios) {
    const rcpt = `u@${testDomain(sc.id)}`;
    if (sc.start.kind === 'swaks') {
      const r = swaksSend(lab, sc.start, sc.id, rcpt, sender);
      writeFileSync(join(LAB_DIR, `${sc.id}.swaks.txt`), r.transcript);
      if (!r.ok) labFaults.push(`${sc.id}: swaks failed, see ${LAB_DIR}/${sc.id}.swaks.txt`);
    } else {
      const at = ALL_SERVERS[sc.start.at];
      if (!at.inject) throw new Error(`${sc.start.at} cannot inject`);
      await at.inject(lab, sender, rcpt, labMessage(sc.id, rcpt, sender));
    }
  }
  log(`sent ${scenarios.length} messages; waiting for delivery`);

  const messages = new Map<string, string>();
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  while (messages.size < scenarios.length && Date.now() < deadline) {
    for (const sc of scenarios) {
      if (messages.has(sc.id)) continue;
      const chain = chainOf(sc);
      const last = chain[chain.length - 1] as ServerId;
      const m = ALL_SERVERS[last].delivered(lab, testDomain(sc.id));
      if (m !== null) messages.set(sc.id, m);
    }
    if (messages.size < scenarios.length) await new Promise((r) => setTimeout(r, 500));
  }
  log(`delivered ${messages.size} of ${scenarios.length}`);
  // Logs are flushed by now for every delivered message; give the slowest writers a moment.
  await new Promise((r) => setTimeout(r, 500));

  for (const sc of scenarios) {
    const chain = chainOf(sc);
    const raw = messages.get(sc.id);
    if (raw === undefined) {
      labFaults.push(`${sc.id} (${sc.title}): not delivered within ${DELIVERY_TIMEOUT_MS / 1000} s`);
      continue;
    }
    writeFileSync(join(LAB_DIR, `${sc.id}.eml`), raw);
    const analysis = analyze(rewriteLabAddresses(raw));
    // The Received fields the chain must have written, in transit order: one per receiving server, plus a
    // server's own relay note (Haraka's outbound header) after its reception when it relayed onward.
    const expected: { server: ServerId; listener: string; intent: Intent; truth: SessionTruth | null }[] = [];
    chain.forEach((server, i) => {
      expected.push({ server, listener: listenerOf(sc, i), intent: sc.intent[i] ?? 'internal', truth: ALL_SERVERS[server].truth(lab, testDomain(sc.id)) });
      const note = ALL_SERVERS[server].relayNote;
      if (note && i < chain.length - 1) {
        const truth: SessionTruth = { transport: 'internal', tlsVersion: null, cipher: null, forwardSecrecy: null, authenticated: false, clientCert: null, evidence: [`lab config: ${note}`] };
        expected.push({ server, listener: 'relay-note', intent: 'internal', truth });
      }
    });
    if (analysis.hops.length !== expected.length) {
      labFaults.push(`${sc.id}: Hoplock found ${analysis.hops.length} hops, the chain wrote ${expected.length}\n${raw.split(/\r?\n\r?\n/)[0]}`);
    }
    exported.push({
      id: sc.id,
      title: sc.title,
      headers: rewriteLabAddresses(raw).split(/\r?\n\r?\n/)[0] ?? '',
      hops: expected.map(({ server, listener, truth }) => ({
        server: SERVERS[server].name,
        listener,
        shows: listener === 'relay-note' ? { version: true, forwardSecrecy: true, clientCert: false } : ALL_SERVERS[server].headerShows(listener),
        truth: truth && { ...truth, evidence: truth.evidence.map(rewriteLabAddresses) },
      })),
    });
    expected.forEach(({ server, listener, intent, truth }, i) => {
      const hop = analysis.hops[i];
      const problems: string[] = [];
      if (truth === null) problems.push(`no log record of this session in ${SERVERS[server].name}'s log`);
      else {
        if (truth.transport !== intent) problems.push(`lab: the log says ${truth.transport}, the lab meant ${intent}`);
        for (const m of compareHop(hop, truth, listener === 'relay-note' ? { version: true, forwardSecrecy: true, clientCert: false } : ALL_SERVERS[server].headerShows(listener))) {
          problems.push(`${m.field}: truth ${m.truth}, Hoplock ${m.hoplock}`);
        }
      }
      results.push({ scenario: sc, index: i + 1, server, listener, intent, truth, hop, problems });
    });
  }

  const exportTo = arg('--export')?.[0];
  if (exportTo) {
    const versions = Object.fromEntries(used.map((id) => [SERVERS[id].name, ALL_SERVERS[id].version(lab)]));
    writeFileSync(exportTo, `${JSON.stringify({ recorded: new Date().toISOString().slice(0, 10), note: REWRITE_NOTE, versions, messages: exported }, null, 1)}\n`);
    log(`wrote ${exported.length} messages to ${exportTo}`);
  }
  const failures = results.filter((r) => r.problems.length > 0);
  for (const r of results) {
    const t = r.truth;
    const desc = t ? `${t.transport}${t.tlsVersion ? ` ${t.tlsVersion}` : ''}${t.forwardSecrecy === false ? ' no-FS' : ''}${t.authenticated ? ' auth' : ''}` : '?';
    console.log(`${r.problems.length ? 'FAIL' : 'ok  '} ${r.scenario.id} hop ${r.index} ${SERVERS[r.server].name} (${r.listener}): ${desc}`);
  }
  for (const r of failures) printFailure(r);
  for (const f of labFaults) console.log(`\nLAB FAULT: ${f}`);
  printCounts(results);
  console.log(`\n${REWRITE_NOTE}.`);
  return { passed: results.length - failures.length, failed: failures.length + labFaults.length };

  function printCounts(rs: HopResult[]): void {
    const rows = new Map<string, number>();
    for (const r of rs) {
      const key = `${SERVERS[r.server].name}\t${r.truth?.transport ?? 'no truth'}${r.truth?.tlsVersion ? ` ${r.truth.tlsVersion}` : ''}${r.truth?.authenticated ? ' auth' : ''}`;
      rows.set(key, (rows.get(key) ?? 0) + 1);
    }
    console.log(`\nhops by receiving server and kind (${rs.length} hops, ${scenarios.length} messages):`);
    for (const [k, n] of [...rows].sort()) console.log(`  ${k.padEnd(40)}\t${n}`);
  }
}

function printFailure(r: HopResult): void {
  const h = r.hop;
  console.log(`\n--- ${r.scenario.id} (${r.scenario.title}) hop ${r.index}: received by ${SERVERS[r.server].name} on ${r.listener}`);
  console.log(`header:   ${h ? h.raw.replace(/\s+/g, ' ') : '(no such hop)'}`);
  const t = r.truth;
  console.log(
    `truth:    ${t ? `${t.transport} version=${t.tlsVersion} cipher=${t.cipher} fs=${t.forwardSecrecy} auth=${t.authenticated} cert=${t.clientCert}` : '(none)'}`,
  );
  if (h) {
    console.log(
      `hoplock:  ${h.transport} version=${h.tls?.version ?? null} cipher=${h.tls?.cipher ?? null} fs=${h.tls?.forwardSecret ?? null} auth=${h.authenticated} cert=${h.tls?.clientCertificate ?? null} rules=${h.rules.join(',')}`,
    );
    console.log(`          ${h.reason}`);
  }
  for (const e of t?.evidence ?? []) console.log(`log:      ${e}`);
  for (const p of r.problems) console.log(`problem:  ${p}`);
}

let counts = { passed: 0, failed: 1 };
/** Address blocks of the servers this run started (other runs on the machine may own the rest). */
let usedBlocks: number[] = [];
const stop = () => {
  for (const line of stopAll()) log(line);
};
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stop();
  process.exit(143);
});
try {
  counts = await main();
} catch (e) {
  console.log(`LAB ERROR: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  counts = { passed: counts.passed, failed: counts.failed };
} finally {
  if (!process.argv.includes('--keep')) stop();
  const left = anyRunning();
  if (left.length > 0) {
    console.log(`still running after stop: ${left.join(', ')}`);
    counts.failed++;
  }
  // Whatever happened, nothing of the lab may still listen on a lab address.
  if (!process.argv.includes('--keep')) {
    let lingering: string[] = [];
    for (let i = 0; i < 30; i++) {
      lingering = [...listeningSockets()].filter((a) => usedBlocks.some((b) => a.startsWith(`127.0.${b}.`)));
      if (lingering.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (lingering.length > 0) {
      console.log(`LAB FAULT: still listening after stop: ${lingering.join(' ')}`);
      counts.failed++;
    }
  }
}
log(`done in ${elapsed()}`);
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed === 0 ? 0 : 1);
