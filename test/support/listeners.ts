/**
 * Which local addresses a TCP port is listening on, read from the kernel's socket tables (/proc/net/tcp and tcp6).
 * Tests check a listener's bind address this way instead of connecting to the machine's other addresses, so
 * they send nothing anywhere but the loopback interface.
 */
import { readFileSync } from 'node:fs';

const LISTEN = '0A';

function ipv4(hex: string): string {
  // Little-endian per 32-bit word, as the kernel prints it.
  return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
}

function ipv6(hex: string): string {
  const words: string[] = [];
  for (let w = 0; w < 4; w++) {
    const word = hex.slice(w * 8, w * 8 + 8);
    const bytes = [3, 2, 1, 0].map((i) => word.slice(i * 2, i * 2 + 2)).join('');
    words.push(bytes.slice(0, 4), bytes.slice(4, 8));
  }
  const full = words.map((x) => parseInt(x, 16).toString(16)).join(':');
  if (full === '0:0:0:0:0:0:0:0') return '::';
  if (full === '0:0:0:0:0:0:0:1') return '::1';
  // An IPv4 address on a dual-stack socket (Java binds so): the IPv4 address it is.
  if (full.startsWith('0:0:0:0:0:ffff:')) return ipv4(hex.slice(24));
  return full;
}

/** The addresses that listen on `port`, e.g. ['127.0.0.1'] or ['::'] (every interface). */
export function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const [file, decode] of [['/proc/net/tcp', ipv4], ['/proc/net/tcp6', ipv6]] as const) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== LISTEN) continue;
      const [addr, portHex] = cols[1]!.split(':');
      if (parseInt(portHex!, 16) === port) found.push(decode(addr!));
    }
  }
  return found;
}
