/** Host globs as written in rule options: `*.local` matches any subdomain of local, `127.*` any 127 address. */
export function hostMatcher(globs: string[]): (host: string) => boolean {
  if (globs.length === 0) return () => false;
  const source = globs
    .map((g) => g.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('|');
  const re = new RegExp(`^(?:${source})$`);
  return (host) => re.test(host.toLowerCase());
}

/** URL prefixes without a scheme (`hl7.org`, `www.apache.org/licenses`): match at a host or path boundary. */
export function urlPrefixMatcher(prefixes: string[]): (hostAndPath: string) => boolean {
  const list = prefixes.map((p) => p.toLowerCase().replace(/\/+$/, ''));
  return (hostAndPath) => {
    const s = hostAndPath.toLowerCase();
    return list.some((p) => s.startsWith(p) && (s.length === p.length || '/:?#'.includes(s[p.length])));
  };
}
