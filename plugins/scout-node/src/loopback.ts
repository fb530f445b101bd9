/**
 * Whether a URL's hostname reaches this machine only: `localhost` and its
 * subdomains, 127.0.0.0/8, `[::1]`, and `0.0.0.0` (which a client reaches
 * as this machine). The local stack's addresses are loopback; production
 * must name real hosts.
 */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|.*\.localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/i.test(
    hostname,
  );
}
