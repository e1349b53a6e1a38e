import dgram = require('node:dgram');
import dns = require('node:dns');
import http = require('node:http');
import http2 = require('node:http2');
import https = require('node:https');
import net = require('node:net');
import tls = require('node:tls');

// `import x = require()` gives the modules themselves, whose functions can be replaced (a namespace import has getters).
type Patchable = Record<string, unknown>;

/** Replaces every way Node opens a connection or resolves a name with a stub that records the attempt and throws. */
export function stubNetwork(record: (attempt: string) => void): () => void {
  const restore: Array<() => void> = [];
  const stub = (owner: Patchable, name: string, label: string) => {
    const original = owner[name];
    if (typeof original !== 'function') return;
    owner[name] = (...args: unknown[]) => {
      record(`${label}(${String(args[0]).slice(0, 80)})`);
      throw new Error(`network use in a test: ${label}`);
    };
    restore.push(() => (owner[name] = original));
  };
  for (const name of ['connect', 'createConnection']) stub(net as unknown as Patchable, name, `net.${name}`);
  stub(net.Socket.prototype as unknown as Patchable, 'connect', 'net.Socket.connect');
  for (const name of ['request', 'get']) {
    stub(http as unknown as Patchable, name, `http.${name}`);
    stub(https as unknown as Patchable, name, `https.${name}`);
  }
  stub(tls as unknown as Patchable, 'connect', 'tls.connect');
  stub(http2 as unknown as Patchable, 'connect', 'http2.connect');
  stub(dgram as unknown as Patchable, 'createSocket', 'dgram.createSocket');
  for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse']) {
    stub(dns as unknown as Patchable, name, `dns.${name}`);
    stub(dns.promises as unknown as Patchable, name, `dns.promises.${name}`);
  }
  stub(dns.Resolver.prototype as unknown as Patchable, 'resolve', 'dns.Resolver.resolve');
  stub(globalThis as unknown as Patchable, 'fetch', 'fetch');
  return () => restore.forEach((r) => r());
}
