// The public API as a native app uses it: a bearer token kept on the device and renewed with its
// refresh token (POST /api/auth/refresh), JSON both ways, Problem Details for errors, and no
// cookie, so a portal sign-in in the same browser plays no part.
const keys = { token: "klt.app.token", refreshToken: "klt.app.refresh", expiresAt: "klt.app.expires" };
const renewBefore = 60_000; // renew a token that has less than a minute left

export const session = {
  get token() { return localStorage.getItem(keys.token); },
  start({ token, refreshToken, expiresIn }) {
    localStorage.setItem(keys.token, token);
    if (refreshToken) localStorage.setItem(keys.refreshToken, refreshToken);
    if (expiresIn) localStorage.setItem(keys.expiresAt, String(Date.now() + expiresIn * 1000));
  },
  end() { Object.values(keys).forEach(key => localStorage.removeItem(key)); },
};

/** An API answer other than success: `problem` is its Problem Details (title, detail, type, errors); status 0 is no answer at all. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail ?? problem.title ?? `Fel ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** No answer, or the server failed: the request may or may not have been carried out. */
  get outcomeUnknown() { return this.status === 0 || this.status >= 500; }
}

/** Ends this device's session on the server as well, so a copy of its tokens stops working (best effort: offline, they lapse). */
export function logout() {
  const token = session.token;
  if (token) send("/api/auth/logout", { method: "POST", token }).catch(() => {});
}

let signedOut = () => {};

/** What to do when the server no longer accepts the session (it expired, or the account was ended). */
export function whenSignedOut(handler) { signedOut = handler; }

let renewal = null;

/**
 * One renewal at a time, however many requests (or tabs of the app) found the token stale: a refresh token works
 * once, and the server ends the whole sign-in when one is used again.
 */
function renew() {
  const stale = localStorage.getItem(keys.refreshToken);
  renewal ??= exclusive(async () => {
    const refreshToken = localStorage.getItem(keys.refreshToken);
    if (refreshToken && refreshToken !== stale) return true; // another tab renewed while this one waited
    const response = refreshToken ? await send("/api/auth/refresh", { method: "POST", body: { refreshToken } }) : null;
    if (!response?.ok) return false;
    session.start(await response.json());
    return true;
  }).catch(() => false).finally(() => { renewal = null; });
  return renewal;
}

/** Runs `work` while no other tab of the app on this device runs its own (where the browser has Web Locks). */
const exclusive = work => navigator.locks ? navigator.locks.request("klt.app.refresh", work) : work();

/** The current token, renewed first if it is about to expire; what the hub connection asks for. */
export async function freshToken() {
  const expiresAt = Number(localStorage.getItem(keys.expiresAt));
  if (session.token && expiresAt && expiresAt - Date.now() < renewBefore) await renew();
  return session.token;
}

export async function api(path, { method = "GET", body, signal } = {}) {
  const response = await authorized(path, { method, body, signal });
  return response.status === 204 ? null : response.json();
}

/** A file the API serves only with the bearer token (a receipt's PDF): a link cannot carry the token, so it is fetched. */
export async function download(path, { signal } = {}) {
  return (await authorized(path, { signal, accept: "application/pdf, application/problem+json" })).blob();
}

async function authorized(path, { method = "GET", body, signal, accept } = {}) {
  let token = await freshToken();
  let response = await send(path, { method, body, signal, token, accept });
  if (response.status === 401 && token) {
    // Expired or ended: renew once and ask again (a refused request changed nothing); else the session is over.
    if (session.token === token && !(await renew())) {
      session.end();
      signedOut();
    } else if (session.token) {
      token = session.token;
      response = await send(path, { method, body, signal, token, accept });
    }
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response;
}

async function send(path, { method = "GET", body, signal, token, accept = "application/json" } = {}) {
  const headers = { Accept: accept };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "omit", signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, { title: "Ingen anslutning", detail: "Appen når inte servern. Kontrollera anslutningen och försök igen." });
  }
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: "Något gick fel", detail: `Servern svarade ${response.status}. Försök igen om en stund.` };
  }
}
