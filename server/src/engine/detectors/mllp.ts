import type { SourceDocument } from '../document';
import type { Detector, DetectorHit } from './detector';
import { LOCAL_HOST, mirthConnectorHits } from './mirthConnector';

/**
 * `transport.mllp-without-tls`: HL7 v2 over MLLP on a plain TCP connection, in three kinds of files:
 * - code that frames messages for MLLP (start block 0x0B, end block 0x1C) and opens or accepts a plain socket
 *   (Node `net`, Python `socket`/`asyncio`, Java and .NET sockets, Go `net.Dial`/`Dialer`/`Listen`), or uses an
 *   MLLP library without its TLS option (node-hl7-client, node-hl7-server, simple-hl7), with no TLS anywhere in
 *   the file and no loopback host at the socket;
 * - shell commands that pipe or redirect a message into `nc`/`ncat`/`netcat` or a plain `socat` TCP address:
 *   MLLP framing written by `printf`/`echo` earlier in the pipeline, an `.hl7` file, the HL7 port 2575, or a
 *   script that handles `.hl7` files; not a port probe (`-z`), not TLS (`--ssl`, `OPENSSL:`), not the local machine;
 * - Mirth Connect channel exports: MLLP listeners and senders without TLS (see the mirth-connector detector).
 */
export const mllpPlainSocket: Detector = {
  name: 'mllp-plain-socket',
  run(doc) {
    if (doc.language.family === 'xml') return mirthConnectorHits(doc, 'mllp');
    if (doc.language.family === 'shell') return shellHits(doc);
    return codeHits(doc);
  },
};

// ---------- code ----------

const SOCKET_OPEN = [
  /\bnet\.(?:connect|createConnection|createServer)\s*\(|\bnew\s+net\.Socket\s*\(/g,
  /\bsocket\.(?:socket|create_connection|create_server)\s*\(|\basyncio\.(?:open_connection|start_server)\s*\(/g,
  /\bnew\s+(?:Server)?Socket\s*\(|\bnew\s+Tcp(?:Client|Listener)\s*\(|\bTcp(?:Client|Listener)\s*\(/g,
  // Go: net.Dial, net.DialTimeout, net.Listen, and a net.Dialer's Dial/DialContext, each with "tcp"
  /\bnet\.(?:Dial(?:Timeout)?|Listen)\s*\(\s*"tcp[46]?"|\.Dial(?:Context)?\s*\(\s*(?:\w+\s*,\s*)?"tcp[46]?"/g,
];
/** MLLP start block (VT, 0x0B) as code writes it. */
const START_BLOCK = /\\x0[bB]|\\u000[bB]|\b0x0[bB]\b|\((?:char|byte)\)\s*(?:11|0x0[bB])\b|["']\\v["']|\\013|fromCharCode\(\s*(?:11|0x0[bB])\s*[,)]|\bchr\(\s*(?:11|0x0[bB])\s*\)|\bbyte\(\s*(?:11|0x0[bB])\s*\)/;
/** MLLP end block (FS, 0x1C). */
const END_BLOCK = /\\x1[cC]|\\u001[cC]|\b0x1[cC]\b|\((?:char|byte)\)\s*(?:28|0x1[cC])\b|\\034|fromCharCode\(\s*(?:28|0x1[cC])\s*[,)]|\bchr\(\s*(?:28|0x1[cC])\s*\)|\bbyte\(\s*(?:28|0x1[cC])\s*\)/;
/** The header segment of an HL7 v2 message in a string: `MSH|^~\&|` (the backslash escaped or not). */
const HL7_HEADER = /["'`]MSH\|\^~\\{1,2}&\|/;
/** TLS set up somewhere in the file (or a tunnel that provides it). */
const TLS = /\btls\.(?:connect|createServer|Dial|DialWithDialer|Listen|Client|Server)\b|\bTLSSocket\b|wrap_socket|\bSSLContext\b|create_default_context|\bSSLSocket|\bSSLServerSocket|\bSslStream\b|AuthenticateAs(?:Client|Server)|\bstart_?tls|\bstunnel\b/i;
/** A loopback host written as a literal. */
const LOCAL_LITERAL = /["'`](?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])(?::\d+)?["'`]/i;

/** `import { createConnection } from 'node:net'`, `const { connect } = require('net')`: socket functions called bare. */
const NET_IMPORT = /(?:import\s*\{([^}]*)\}\s*from\s*|const\s*\{([^}]*)\}\s*=\s*require\(\s*)['"](?:node:)?net['"]/g;

/** A regex for the socket functions of `net` a file imports by name, under the names it gives them. */
function bareNetCalls(text: string): RegExp | undefined {
  const locals = [...text.matchAll(NET_IMPORT)]
    .flatMap((m) => (m[1] ?? m[2]).split(','))
    .map((item) => item.trim().split(/\s+as\s+|\s*:\s*/))
    .filter(([imported, local]) => /^(?:connect|createConnection|createServer)$/.test(imported) && /^\w+$/.test(local ?? imported))
    .map(([imported, local]) => local ?? imported);
  return locals.length ? new RegExp(`(?<![.\\w])(?:${[...new Set(locals)].join('|')})\\s*\\(`, 'g') : undefined;
}

/**
 * MLLP libraries, which frame messages themselves: node-hl7-client's `Client` and node-hl7-server's `Server`
 * (TLS only with a `tls` option), simple-hl7's TCP client and server (no TLS), python-hl7's `MLLPClient` and
 * asyncio helpers (TLS only with an `ssl` argument), HAPI's `newClient`/`newServer` with their TLS flag false.
 */
const MLLP_LIBRARY: Array<{ module: RegExp; call: RegExp }> = [
  { module: /['"]node-hl7-(?:client|server)['"]/, call: /\bnew\s+(?:Client|Server)\s*\(/g },
  { module: /['"]simple-hl7['"]/, call: /\.(?:createTcpClient|createTcpServer)\s*\(|\bhl7\.tcp\s*\(/g },
  { module: /\bfrom\s+hl7(?:\.client|\.mllp)?\s+import\b|^\s*import\s+hl7\b/m, call: /(?<!\b(?:class|def)\s+)\b(?:MLLPClient|open_hl7_connection|start_hl7_server)\s*\(/g },
  { module: /\bca\.uhn\.hl7v2\b/, call: /\.new(?:Lazy)?Client\s*\([^;()]*(?:\([^()]*\)[^;()]*)*,\s*false\s*\)|\.newServer\s*\(\s*[\w.]+\s*,\s*false\s*\)/g },
];
/** A library's TLS switch turned on: `tls: {…}` in JavaScript, `ssl=context` in Python. */
const TLS_OPTION = /\btls\s*:\s*(?!false\b|undefined\b|null\b)|\bssl\s*=\s*(?!None\b|False\b)/;

/** Families of code (documentation and data files quote code without running it). */
const CODE_FAMILIES = new Set(['c-like', 'python', 'hash', 'lua']);

function codeHits(doc: SourceDocument): DetectorHit[] {
  const text = doc.text;
  if (!CODE_FAMILIES.has(doc.language.family)) return [];
  // MLLP framing, or an HL7 message written out (`"MSH|^~\\&|…"`) for a program that sends it as it is.
  const framed = (START_BLOCK.test(text) && END_BLOCK.test(text)) || HL7_HEADER.test(text);
  // (Every library's module name holds `hl7`.)
  const libraries = text.includes('hl7') ? MLLP_LIBRARY.filter((l) => l.module.test(text)) : [];
  // Most files do neither: the search for TLS, the costlier test, comes after.
  if ((!framed && !libraries.length) || TLS.test(text)) return [];
  if (framed) {
    const bare = bareNetCalls(text);
    const sockets = socketHits(doc, bare ? [...SOCKET_OPEN, bare] : SOCKET_OPEN);
    // A file that frames messages on its own sockets: the calls of its own client are the same problem.
    if (sockets.length) return sockets;
  }
  return libraries.length && !TLS_OPTION.test(text) ? socketHits(doc, libraries.map((l) => l.call)) : [];
}

/** The places in code that open or accept a socket, unless a loopback host is written beside them. */
function socketHits(doc: SourceDocument, patterns: RegExp[]): DetectorHit[] {
  const text = doc.text;
  const hits: DetectorHit[] = [];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (doc.scopes.scopeAt(m.index) !== 'code') continue;
      // The socket's host, on its line or the next few (`socket.connect(port, '127.0.0.1')`), keeps it local.
      const line = doc.index.lineIndexAt(m.index);
      const around = text.slice(doc.index.lineStart(line), doc.index.lineEnd(Math.min(line + 3, doc.index.lineCount - 1)));
      if (LOCAL_LITERAL.test(around)) continue;
      hits.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return hits;
}

// ---------- shell ----------

/** Netcat and its relatives, which copy standard input to a plain TCP connection. */
const NETCAT = /^(?:nc|ncat|netcat|nc\.openbsd|nc\.traditional|busybox\s+nc)$/;
/** Netcat options that take a value (`-w 5`, `-p 1234`, `-q 2`). */
const NETCAT_VALUE_OPTION = /^-[wqpsiIOxXTV]$/;
/** Words before a command's name: keywords, negation, wrappers (`if nc -z …`, `timeout 5 nc …`). */
const PREFIX_WORD = /^(?:if|then|else|elif|while|until|do|!|time|sudo|exec|command|timeout|nohup)$/;
/** MLLP framing or an HL7 message written into the pipeline. */
const FRAMING = /\\x0[bB]|\\013|\\v|MSH\|/;

interface Word {
  text: string;
  start: number;
  end: number;
}

function shellHits(doc: SourceDocument): DetectorHit[] {
  const text = doc.text;
  if (!/\b(?:nc|ncat|netcat|socat)\b/.test(text)) return [];
  const hits: DetectorHit[] = [];
  // A script that handles .hl7 files or writes MLLP framing: what it pipes into netcat is those messages.
  const aboutHl7 = /\.hl7\b|\\x0[bB]|\\013/.test(text);
  for (const pipeline of pipelines(doc)) {
    pipeline.forEach((command, i) => {
      const hit = plainHl7Command(command, pipeline.slice(0, i), aboutHl7);
      if (hit) hits.push(hit);
    });
  }
  return hits;
}

/**
 * One command of a pipeline that sends HL7 over plain TCP: its netcat or socat word, when the command is not
 * a probe, not TLS and not local, and HL7 goes into it (framing earlier in the pipeline, an `.hl7` file or the
 * HL7 port 2575 with a redirected input).
 */
function plainHl7Command(words: Word[], before: Word[][], aboutHl7: boolean): DetectorHit | undefined {
  let i = 0;
  while (i < words.length && (/^\w+=/.test(words[i].text) || PREFIX_WORD.test(words[i].text) || /^\d+[smh]?$/.test(words[i].text))) i++;
  const name = words[i];
  if (!name) return undefined;
  const rest = words.slice(i + 1);
  const input = rest.findIndex((w) => w.text === '<');
  const redirected = input >= 0 ? rest[input + 1]?.text ?? '' : undefined;
  const args = input >= 0 ? rest.slice(0, input) : rest.filter((w) => !/^[<>]|^\d?>/.test(w.text));
  let host: string | undefined;
  let port: string | undefined;
  if (NETCAT.test(name.text)) {
    const positional: string[] = [];
    for (let j = 0; j < args.length; j++) {
      const a = args[j].text;
      if (a.startsWith('--ssl')) return undefined;
      if (/^-[a-zA-Z]*z/.test(a)) return undefined;
      if (NETCAT_VALUE_OPTION.test(a)) j++;
      else if (!a.startsWith('-')) positional.push(a);
    }
    [host, port] = positional;
  } else if (name.text === 'socat') {
    const plain = args.map((w) => /^(?:TCP[46]?|TCP-CONNECT|TCP-LISTEN):([^:,]*):?(\d*)/i.exec(unquote(w.text))).find(Boolean);
    if (!plain || args.some((w) => /^(?:OPENSSL|SSL)[:-]/i.test(unquote(w.text)))) return undefined;
    [, host, port] = plain;
    if (/^TCP-LISTEN/i.test(plain[0])) [host, port] = ['', host];
  } else return undefined;
  if (host && LOCAL_HOST.test(unquote(host))) return undefined;
  const framed = before.some((c) => c.some((w) => FRAMING.test(w.text)));
  const hl7File = redirected !== undefined && /\.hl7\b/i.test(redirected);
  const hl7Port = (redirected !== undefined || before.length > 0) && /^["']?2575["']?$/.test(port ?? '');
  const fed = redirected !== undefined || before.length > 0;
  if (!framed && !hl7File && !hl7Port && !(fed && aboutHl7)) return undefined;
  return { start: name.start, end: name.end };
}

function unquote(s: string): string {
  return s.replace(/^["']|["']$/g, '');
}

/**
 * The pipelines of a script as lists of commands of words, with offsets: comments left out, continued lines
 * joined, commands split at `|`, `;`, `&&`, `||` and line ends outside quotes, words at unquoted blanks.
 */
function pipelines(doc: SourceDocument): Word[][][] {
  const text = doc.text;
  const out: Word[][][] = [];
  let pipeline: Word[][] = [];
  let command: Word[] = [];
  let word: Word | undefined;
  let quote = '';
  const endWord = () => {
    if (word) command.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (command.length) pipeline.push(command);
    command = [];
  };
  const endPipeline = () => {
    endCommand();
    if (pipeline.length) out.push(pipeline);
    pipeline = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!quote && c === '#' && !word && doc.scopes.scopeAt(i) === 'comment') {
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') {
        word!.text += c + (text[i + 1] ?? '');
        word!.end = i + 2;
        i++;
      } else {
        if (c === quote) quote = '';
        word!.text += c;
        word!.end = i + 1;
      }
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      i++;
      continue;
    }
    if (c === '\n' || c === ';') endPipeline();
    else if (c === '&' && text[i + 1] === '&') {
      endPipeline();
      i++;
    } else if (c === '|') {
      if (text[i + 1] === '|') {
        endPipeline();
        i++;
      } else endCommand();
    } else if (c === ' ' || c === '\t' || c === '\r') endWord();
    else if ((c === '<' || c === '>') && !(word && /^\d$/.test(word.text))) {
      endWord();
      command.push({ text: c, start: i, end: i + 1 });
    } else {
      if (!word) word = { text: '', start: i, end: i };
      if (c === '"' || c === "'") quote = c;
      word.text += c;
      word.end = i + 1;
    }
  }
  endPipeline();
  return out;
}
