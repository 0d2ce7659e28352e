// The public API as a native app uses it: a bearer token (kept on the device), JSON both ways,
// Problem Details for errors, and no cookie, so a portal sign-in in the same browser plays no part.
const tokenKey = "klt.app.token";

export const session = {
  get token() { return localStorage.getItem(tokenKey); },
  start(token) { localStorage.setItem(tokenKey, token); },
  end() { localStorage.removeItem(tokenKey); },
};

/** An API answer other than success: `problem` is its Problem Details (title, detail, type, errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail ?? problem.title ?? `Fel ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let signedOut = () => {};

/** What to do when the server no longer accepts the token (it expired, or the account was ended). */
export function whenSignedOut(handler) { signedOut = handler; }

export async function api(path, { method = "GET", body, signal } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const token = session.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "omit", signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, { title: "Ingen anslutning", detail: "Appen når inte servern. Kontrollera anslutningen och försök igen." });
  }
  if (response.status === 401 && token) {
    session.end();
    signedOut();
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response.status === 204 ? null : response.json();
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: "Något gick fel", detail: `Servern svarade ${response.status}. Försök igen om en stund.` };
  }
}
