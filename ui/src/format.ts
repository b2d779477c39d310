// Sizes, bandwidths, dates and durations as the console shows them.

export function bytes(n: number | null | undefined): string {
  if (n === null || n === undefined || isNaN(n)) return '-';
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(v >= 100 ? 0 : 2).replace(/\.?0+$/, '')} ${units[i]}`;
}

/** Bytes per second as bits per second (Mbps/Gbps), the unit the add dialog takes. */
export function bandwidth(bps: number | null | undefined, unlimited: string): string {
  if (!bps) return unlimited;
  const mbps = (bps * 8) / 1e6;
  return mbps >= 1000 ? `${+(mbps / 1000).toFixed(2)} Gbps` : `${+mbps.toFixed(2)} Mbps`;
}

export function toBytesPerSecond(value: number | null | undefined, unit: 'Mbps' | 'Gbps'): number | null {
  if (!value || value <= 0) return null;
  return Math.round((value * (unit === 'Gbps' ? 1e9 : 1e6)) / 8);
}

export function fromBytesPerSecond(bps: number | null | undefined): { value: number | null; unit: 'Mbps' | 'Gbps' } {
  if (!bps) return { value: null, unit: 'Mbps' };
  const mbps = (bps * 8) / 1e6;
  return mbps >= 1000 && Number.isInteger(mbps / 1000) ? { value: mbps / 1000, unit: 'Gbps' } : { value: +mbps.toFixed(3), unit: 'Mbps' };
}

/** Gson's "Nov 25, 2026 11:26:06 PM" (and ISO-8601) into a Date. */
export function parseDate(s: string | null | undefined): Date | null {
  if (!s) return null;
  const d = new Date(s.replace(/[\u202f\u00a0]/g, ' '));
  return isNaN(d.getTime()) ? null : d;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function dateTime(s: string | null | undefined): string {
  const d = parseDate(s);
  if (!d) return '-';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '-';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(r)}` : `${pad(m)}:${pad(r)}`;
}

export function ipToInt(ip: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip.trim());
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function isCidr(s: string): boolean {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(s.trim());
  return !!m && ipToInt(m[1]) !== null && Number(m[2]) <= 32;
}
