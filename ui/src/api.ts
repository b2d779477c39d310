// The ZStack REST protocol as a browser speaks it (see shared/docs/rest-wire-protocol.md):
// same origin /zstack/v1, "Authorization: OAuth <session>", async APIs answer 202 and are polled on /api-jobs.

export const V1 = '/zstack/v1';
const SESSION_KEY = 'zstack.session';

export interface ZSError {
  code?: string;
  description?: string;
  details?: string;
  cause?: ZSError;
}

export class ApiError extends Error {
  readonly error: ZSError;
  readonly status: number;

  constructor(status: number, error: ZSError) {
    super(describeError(error));
    this.status = status;
    this.error = error;
  }
}

/** ZStack's error as a person reads it: "description: details", then each cause on its own line. */
export function describeError(e: ZSError | undefined): string {
  const lines: string[] = [];
  let cur = e;
  for (let depth = 0; cur && depth < 8; depth++) {
    // a cause that only repeats what an outer error already quoted ("An operation failed: <same details>") is left out
    if (depth > 0 && cur.details && cur.details.trim() && lines.some((l) => l.includes(cur!.details!.trim()))) {
      cur = cur.cause;
      continue;
    }
    const parts = [cur.description, cur.details].filter((s) => s && s.trim().length > 0);
    let line = parts.join(': ');
    if (cur.code) line = line ? `${line} [${cur.code}]` : `[${cur.code}]`;
    if (line && !lines.includes(line)) lines.push(line);
    cur = cur.cause;
  }
  return lines.join('\n') || 'unknown error';
}

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

let sessionListener: (() => void) | null = null;

export function onSessionExpired(f: () => void) {
  sessionListener = f;
}

export function getSession(): string | null {
  return localStorage.getItem(SESSION_KEY);
}

export function setSession(s: string | null) {
  if (s) localStorage.setItem(SESSION_KEY, s);
  else localStorage.removeItem(SESSION_KEY);
}

function hex32(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function parse(rsp: Response): Promise<any> {
  const text = await rsp.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return { __text: text };
  }
}

function failure(status: number, body: any): ApiError {
  if (body && body.error) return new ApiError(status, body.error as ZSError);
  const text = body && body.__text ? String(body.__text) : `HTTP ${status}`;
  return new ApiError(status, { description: `HTTP ${status}`, details: text });
}

async function send(method: string, path: string, body?: unknown): Promise<any> {
  const headers: Record<string, string> = { 'X-JSON-Schema': 'true' };
  const session = getSession();
  if (session) headers['Authorization'] = `OAuth ${session}`;
  if (method !== 'GET') headers['X-Job-UUID'] = hex32();
  if (body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
  let rsp: Response;
  try {
    rsp = await fetch(V1 + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { description: 'the management node cannot be reached', details: String(e) });
  }
  let res = await parse(rsp);
  let status = rsp.status;
  if (status === 202 && res.location) {
    const loc: string = res.location;
    const i = loc.indexOf('/api-jobs');
    const poll = i >= 0 ? loc.substring(i) : loc;
    let wait = 200;
    for (;;) {
      await sleep(wait);
      wait = Math.min(wait * 2, 1000);
      const p = await fetch(V1 + poll, { headers: session ? { Authorization: `OAuth ${session}` } : {} });
      if (p.status === 202) continue;
      status = p.status;
      res = await parse(p);
      break;
    }
  }
  if (status >= 200 && status < 300 && !res.error) return res;
  const err = failure(status, res);
  if (err.error.code === 'ID.1001') {
    setSession(null);
    sessionListener?.();
  }
  throw err;
}

function queryString(params: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) {
      parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(item))}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

export const api = {
  get: (path: string, params: Record<string, unknown> = {}) => send('GET', path + queryString(params)),
  /** A query: conditions such as "hypervisorType=ESX" or "uuid?=a,b". */
  query: async <T = any>(path: string, q: string[] = [], extra: Record<string, unknown> = {}): Promise<T[]> =>
    ((await send('GET', path + queryString({ q, ...extra }))).inventories ?? []) as T[],
  create: (path: string, params: Record<string, unknown>, systemTags?: string[]) =>
    send('POST', path, { params: systemTags && systemTags.length ? { ...params, systemTags } : params }),
  action: (path: string, name: string, params: Record<string, unknown> = {}) => send('PUT', path, { [name]: params }),
  del: (path: string, params: Record<string, unknown> = {}) => send('DELETE', path + queryString(params)),
};

async function sha512Hex(s: string): Promise<string | null> {
  // crypto.subtle only exists in secure contexts (https, localhost); the server accepts the plain password too
  if (!globalThis.crypto?.subtle) return null;
  const d = await crypto.subtle.digest('SHA-512', new TextEncoder().encode(s));
  return Array.from(new Uint8Array(d), (x) => x.toString(16).padStart(2, '0')).join('');
}

const ACCOUNT_KEY = 'zstack.account';

/** The logged-in account, as login recorded it: UpdateAccount is addressed by its uuid. */
export function getAccount(): { uuid: string; name: string } | null {
  try {
    return JSON.parse(localStorage.getItem(ACCOUNT_KEY) ?? 'null');
  } catch {
    return null;
  }
}

export async function login(accountName: string, password: string): Promise<string> {
  setSession(null);
  const hashed = await sha512Hex(password);
  const r = await send('PUT', '/accounts/login', { logInByAccount: { accountName, password: hashed ?? password } });
  const uuid = r.inventory.uuid as string;
  setSession(uuid);
  localStorage.setItem(ACCOUNT_KEY, JSON.stringify({ uuid: r.inventory.accountUuid, name: accountName }));
  return uuid;
}

/**
 * ZStack's UpdateAccount with the current password as oldPassword (a wrong one is ID.1031), both sent as SHA-512 hex
 * like the login. The server ends the account's other sessions; this one goes on.
 */
export async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  const account = getAccount();
  if (!account) throw new ApiError(0, { description: 'not logged in', details: 'log in again' });
  const [oldHashed, newHashed] = await Promise.all([sha512Hex(oldPassword), sha512Hex(newPassword)]);
  await api.action(`/accounts/${account.uuid}`, 'updateAccount', {
    oldPassword: oldHashed ?? oldPassword,
    password: newHashed ?? newPassword,
  });
}

export async function logout() {
  const s = getSession();
  if (s) {
    try {
      await send('DELETE', `/accounts/sessions/${s}`);
    } catch {
      // an expired session is already gone
    }
  }
  setSession(null);
  localStorage.removeItem(ACCOUNT_KEY);
}
