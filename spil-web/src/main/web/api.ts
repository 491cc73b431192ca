// The one way the application talks to the server: same origin, the session cookie, the CSRF
// token on every change and the chosen purpose on every read.

export interface Me {
  user: string;
  agency: string;
  roles: string[];
  legal_tasks: string[];
  cases: string[];
  csrf?: string;
}

/** An answer of the API other than success: its status, message and the field it is about. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const PURPOSE_KEY = "spil.purpose";

let csrf = "";
let me: Me | null = null;
let purposeChosen = sessionStorage.getItem(PURPOSE_KEY) ?? "";
let onLoggedOut: () => void = () => {};

export function session(): Me | null {
  return me;
}

/** The session's CSRF token, for a request the api() helper cannot make (a file upload). */
export function csrfToken(): string {
  return csrf;
}

export function purpose(): string {
  return purposeChosen;
}

/** Called when the server no longer knows the session (expired, logged out elsewhere). */
export function whenLoggedOut(f: () => void): void {
  onLoggedOut = f;
}

type Method = "GET" | "POST" | "DELETE";

/** When the network of the last network answer was made, and whether it is of the warehouse as it is now. */
export interface NetworkMade {
  current: boolean;
  made: string;
}

let networkMade: NetworkMade | null = null;

/**
 * How current the last network answer was: after an ingest or a judgement the server answers from the
 * network it made before while it makes the new one.
 */
export function lastNetwork(): NetworkMade | null {
  return networkMade;
}

/** Calls the API; JSON in and out; throws ApiError with the server's message. */
export async function api<T>(path: string, method: Method = "GET", body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["Spil-CSRF"] = csrf;
  if (purposeChosen) headers["Spil-Purpose"] = purposeChosen;
  const r = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const current = r.headers.get("Spil-Network-Current");
  if (current !== null) {
    networkMade = { current: current === "true", made: r.headers.get("Spil-Network-Made") ?? "" };
  }
  if (r.status === 204) return undefined as T;
  const text = await r.text();
  let data: any;
  try {
    data = JSON.parse(text);
  } catch {
    data = { error: text || r.statusText };
  }
  if (!r.ok) {
    if (r.status === 401 && me !== null && !path.startsWith("/api/session")) {
      me = null;
      onLoggedOut();
    }
    throw new ApiError(r.status, data?.error ?? r.statusText, data?.field);
  }
  return data as T;
}

/** A file the API answers with (an export), read for the chosen purpose. */
export async function file(path: string): Promise<Blob> {
  const r = await fetch(path, { headers: { "Spil-Purpose": purposeChosen }, credentials: "same-origin" });
  if (!r.ok) {
    const data = await r.json().catch(() => ({ error: r.statusText }));
    throw new ApiError(r.status, data.error ?? r.statusText, data.field);
  }
  return r.blob();
}

/** The query string of an object, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const text = q.toString();
  return text ? "?" + text : "";
}

/** Whether a session is open (after a reload the cookie may still be). */
export async function resume(): Promise<Me | null> {
  try {
    me = await api<Me>("/api/me");
    csrf = me.csrf ?? "";
    return me;
  } catch {
    me = null;
    return null;
  }
}

export async function login(user: string, password: string): Promise<Me> {
  me = await api<Me>("/api/session", "POST", { user, password });
  csrf = me.csrf ?? "";
  return me;
}

export async function logout(): Promise<void> {
  try {
    await api<void>("/api/session", "DELETE");
  } finally {
    me = null;
    csrf = "";
    purposeChosen = "";
    sessionStorage.removeItem(PURPOSE_KEY);
  }
}

/** Switches the purpose; the server checks and audits it first. */
export async function choosePurpose(p: string): Promise<void> {
  const answer = await api<{ purpose: string }>("/api/session/purpose", "POST", { purpose: p });
  purposeChosen = answer.purpose;
  sessionStorage.setItem(PURPOSE_KEY, purposeChosen);
}

/** Whether the user oversees the audit log (privacy officer, administrator, court). */
export function oversees(): boolean {
  return !!me && me.roles.some((r) => r === "privacy-officer" || r === "administrator" || r === "court");
}
