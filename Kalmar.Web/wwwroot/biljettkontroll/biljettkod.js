// A ticket's QR payload, read and checked in the browser with the published keys (WebCrypto), so an inspector's phone
// needs no connection. The layout is the server's (README "Ticket QR payload"): version 1, key id (4 bytes), ticket id
// (16), valid from and to (Unix seconds, big-endian), carrier (0 app, 1 card), product, category and zones (each a
// length byte and UTF-8), then the ES256 signature r‖s (64 bytes) of all before it.
const headerLength = 30;
const signatureLength = 64;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The parts of a well-formed payload (its signature not yet checked), or null. */
export function readCode(payload) {
  const bytes = base64url(payload);
  if (!bytes || bytes.length < headerLength + 3 + signatureLength) return null;
  const signed = bytes.subarray(0, bytes.length - signatureLength);
  if (signed[0] !== 1 || signed[29] > 1) return null;
  const texts = [];
  let at = headerLength;
  for (let i = 0; i < 3; i++) {
    if (at >= signed.length || at + 1 + signed[at] > signed.length) return null;
    try {
      texts.push(utf8.decode(signed.subarray(at + 1, at + 1 + signed[at])));
    } catch {
      return null;
    }
    at += 1 + signed[at];
  }
  if (at !== signed.length) return null;
  const view = new DataView(signed.buffer, signed.byteOffset, signed.byteLength);
  return {
    kid: hex(signed.subarray(1, 5)),
    signed,
    signature: bytes.subarray(signed.length),
    ticket: {
      id: uuid(signed.subarray(5, 21)),
      validFrom: new Date(view.getUint32(21) * 1000),
      validTo: new Date(view.getUint32(25) * 1000),
      carrierType: signed[29] === 1 ? "card" : "app",
      product: texts[0],
      category: texts[1],
      zones: texts[2] === "" ? [] : texts[2].split(","),
    },
  };
}

/** True when the code's signature is good under the key set's key of the same id. */
export async function signatureHolds(code, keySet) {
  const jwk = keySet?.keys?.find(key => key.kid === code.kid && key.kty === "EC" && key.crv === "P-256");
  if (!jwk) return false;
  try {
    const key = await crypto.subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y, ext: true },
      { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    return await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, code.signature, code.signed);
  } catch {
    return false;
  }
}

/** Where a genuine ticket stands at <now> by its validity alone (only the server knows whether it was blocked). */
export function statusAt(ticket, now) {
  if (now < ticket.validFrom) return "not-yet-valid";
  return now >= ticket.validTo ? "expired" : "valid";
}

function base64url(text) {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return null;
  const base64 = text.replaceAll("-", "+").replaceAll("_", "/");
  try {
    return Uint8Array.from(atob(base64 + "===".slice((base64.length + 3) % 4)), c => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const hex = bytes => Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");

function uuid(bytes) {
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
