#!/usr/bin/env node
// `hoplock [--json | --markdown] [FILE... | -]`: the same core as the extension, for files and pipes.
import { readFileSync } from 'node:fs';
import { analyze } from '../core/index.js';
import { verdictSentence } from '../report/describe.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderTable } from '../report/text-table.js';

/** Files larger than this are refused: a header block is never this large, and reading is in memory. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

const USAGE = `usage: hoplock [--json | --markdown] [--internal LIST] [FILE... | -]
Reads email headers or whole .eml files and says, hop by hop, whether the message was encrypted.
  --json      one JSON object (schema hoplock/1); with several files one object per line, with "file"
  --markdown  a report for tickets (verdict, hops, authentication, warnings)
  --internal  your own relays, comma-separated: hosts, domains (and their subdomains) or address ranges,
              e.g. --internal example.org,relay.example.net,10.0.0.0/8; their hops count as yours
  -           read standard input (also when no FILE is given and input is piped)
Exit status: 0 when every input was analysed, 1 when an input had no headers or could not be read, 2 on usage errors.`;

type Format = 'table' | 'json' | 'markdown';

function readInput(name: string): string {
  if (name === '-') return readFileSync(0, 'utf8');
  const data = readFileSync(name);
  if (data.byteLength > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  return data.toString('utf8');
}

function main(argv: string[]): number {
  let format: Format = 'table';
  const files: string[] = [];
  const internal: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] as string;
    if (arg === '--internal' || arg.startsWith('--internal=')) {
      const list = arg === '--internal' ? argv[++k] : arg.slice('--internal='.length);
      if (list === undefined || list.trim() === '') {
        process.stderr.write(`hoplock: --internal needs a list, e.g. --internal example.org,10.0.0.0/8\n`);
        return 2;
      }
      for (const entry of list.split(',')) if (entry.trim() !== '') internal.push(entry.trim());
    } else if (arg === '--json') format = 'json';
    else if (arg === '--markdown' || arg === '--md') format = 'markdown';
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('--') || (arg.startsWith('-') && arg !== '-')) {
      process.stderr.write(`hoplock: unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    if (process.stdin.isTTY) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    files.push('-');
  }
  let status = 0;
  const several = files.length > 1;
  files.forEach((file, i) => {
    const label = file === '-' ? '(stdin)' : file;
    let text: string;
    try {
      text = readInput(file);
    } catch (e) {
      const why = e instanceof Error ? ((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : e.message) : String(e);
      process.stderr.write(`hoplock: ${label}: cannot read: ${why}\n`);
      status = 1;
      return;
    }
    const analysis = analyze(text, internal.length > 0 ? { internal } : {});
    if (analysis.error !== null) {
      process.stderr.write(`hoplock: ${label}: ${analysis.error.message}\n`);
      status = 1;
      return;
    }
    if (format === 'json') {
      process.stdout.write(several ? `${JSON.stringify({ file, ...analysis })}\n` : `${JSON.stringify(analysis, null, 2)}\n`);
    } else if (format === 'markdown') {
      process.stdout.write(`${i > 0 ? '\n' : ''}${renderMarkdown(analysis, several || file !== '-' ? label : null, verdictSentence(analysis))}`);
    } else {
      process.stdout.write(`${i > 0 ? '\n' : ''}${renderTable(analysis, several || file !== '-' ? label : null)}`);
    }
  });
  return status;
}

process.exitCode = main(process.argv.slice(2));
