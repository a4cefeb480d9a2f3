import { isIP } from 'node:net';

/**
 * Whether a URL names this machine by a loopback literal: localhost, 127.0.0.0/8 or [::1].
 * Only literals count: a DNS name that resolves to 127.0.0.1 today may resolve elsewhere
 * tomorrow, and anything else (0.0.0.0, IPv4-mapped forms, other schemes) is refused rather
 * than reasoned about.
 */
export function isLoopbackUrl(value: string | undefined): boolean {
  if (value === undefined) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}
