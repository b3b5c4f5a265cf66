// An OAuth 2 authorization server on loopback for the tests, built on the npm package
// oauth2-mock-server: discovery, /authorize (which approves at once, without a login page),
// /token with PKCE, signed JWT access tokens. Around it, what a provider does and the mock
// does not: it accepts only its own client ID, remembers which user each code and refresh
// token belongs to (the user named by `login_hint`), refuses revoked refresh tokens, and
// answers Dovecot's token introspection (RFC 7662) by checking the signature, the expiry
// and the revocation itself.
//
//   node scripts/oauth-server.mjs --client-id ID --domain DOMAIN --port-file FILE
//
// It listens on 127.0.0.1 on a port the kernel picks, so it never races another program for
// one, and writes that port to FILE once it accepts connections.
//
// For the tests, beyond the standard endpoints:
//   POST /revoke (RFC 7009, form field `token`)   revokes a refresh token for good
//   POST /control/access-token-seconds?seconds=N  the lifetime of access tokens issued later
//   POST /control/deny-next                       the next authorization is declined, as a
//                                                 user who clicks "Cancel" at the provider
import { createPublicKey, verify } from "node:crypto";
import { writeFileSync, renameSync } from "node:fs";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { OAuth2Issuer, OAuth2Service } from "oauth2-mock-server";

const { values: args } = parseArgs({
  options: {
    "client-id": { type: "string" },
    domain: { type: "string" },
    "port-file": { type: "string" },
  },
});
for (const name of ["client-id", "domain", "port-file"]) {
  if (!args[name]) {
    console.error(`oauth-server: --${name} is required`);
    process.exit(2);
  }
}
const clientId = args["client-id"];
const defaultUser = `researcher@${args.domain}`;

let accessTokenSeconds = 3600;
let denyNext = false;
const userOfCode = new Map();
const userOfRefreshToken = new Map();
const revoked = new Set();

const issuer = new OAuth2Issuer();
// ES256 and a short key ID keep tokens short: Dovecot's submission service refuses an AUTH
// line much over 1000 characters, and the token travels base64-encoded on it.
await issuer.keys.generate("ES256", { kid: "confab-test" });
const service = new OAuth2Service(issuer);

function log(...parts) {
  console.log(new Date().toISOString(), ...parts);
}

// A wrong client ID is refused the way providers refuse it: back to the redirect URI with
// an error, and no code.
service.on("beforeAuthorizeRedirect", (redirect, req) => {
  const url = redirect.url;
  if (req.query.client_id !== clientId) {
    url.searchParams.delete("code");
    url.searchParams.set("error", "unauthorized_client");
    url.searchParams.set("error_description", `The client ID ${req.query.client_id} is unknown.`);
    log("authorize refused: unknown client", req.query.client_id);
    return;
  }
  if (denyNext) {
    denyNext = false;
    url.searchParams.delete("code");
    url.searchParams.set("error", "access_denied");
    url.searchParams.set("error_description", "The user declined.");
    log("authorize declined");
    return;
  }
  const user = typeof req.query.login_hint === "string" ? req.query.login_hint : defaultUser;
  userOfCode.set(url.searchParams.get("code"), user);
  log("authorize", user);
});

function userOfRequest(body) {
  if (body.grant_type === "authorization_code") return userOfCode.get(body.code);
  if (body.grant_type === "refresh_token") return userOfRefreshToken.get(body.refresh_token);
  return undefined;
}

service.on("beforeTokenSigning", (token, req) => {
  const user = userOfRequest(req.body);
  if (user) {
    token.payload.sub = user;
    token.payload.email = user;
  }
  token.payload.client_id = clientId;
  token.payload.exp = token.payload.iat + accessTokenSeconds;
});

function refuse(response, error, description) {
  response.statusCode = 400;
  response.body = { error, error_description: description };
}

service.on("beforeResponse", (response, req) => {
  const body = req.body;
  if (body.client_id !== clientId) {
    refuse(response, "invalid_client", `The client ID ${body.client_id} is unknown.`);
    log("token refused: unknown client", body.client_id);
    return;
  }
  const user = userOfRequest(body);
  if (body.grant_type === "authorization_code") {
    userOfCode.delete(body.code);
    if (!user) {
      refuse(response, "invalid_grant", "The code is unknown or was used already.");
      return;
    }
    userOfRefreshToken.set(response.body.refresh_token, user);
  } else if (body.grant_type === "refresh_token") {
    if (!user || revoked.has(body.refresh_token)) {
      refuse(response, "invalid_grant", "The refresh token was revoked or has expired.");
      log("refresh refused", user ?? "unknown token");
      return;
    }
    // Like Google: a refresh keeps the refresh token it was given.
    delete response.body.refresh_token;
  }
  response.body.expires_in = accessTokenSeconds;
  log("token issued", body.grant_type, user, `${accessTokenSeconds}s`);
});

function readForm(req) {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => resolve(new URLSearchParams(text)));
    req.on("error", reject);
  });
}

function sendJson(res, status, body) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

// The claims of a JWT signed by this issuer, or undefined for anything else.
function verifiedClaims(token) {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const header = JSON.parse(Buffer.from(parts[0], "base64url").toString());
  const jwk = issuer.keys.toJSON().find((key) => key.kid === header.kid);
  if (!jwk || header.alg !== "ES256") return undefined;
  const signed = verify(
    "sha256",
    Buffer.from(`${parts[0]}.${parts[1]}`),
    { key: createPublicKey({ key: jwk, format: "jwk" }), dsaEncoding: "ieee-p1363" },
    Buffer.from(parts[2], "base64url"),
  );
  return signed ? JSON.parse(Buffer.from(parts[1], "base64url").toString()) : undefined;
}

async function introspect(req, res) {
  const token = (await readForm(req)).get("token") ?? "";
  let claims;
  try {
    claims = verifiedClaims(token);
  } catch {
    claims = undefined;
  }
  const now = Math.floor(Date.now() / 1000);
  if (!claims || claims.exp <= now) {
    log("introspect: inactive", claims ? "expired" : "not a token of this issuer");
    sendJson(res, 200, { active: false });
    return;
  }
  log("introspect: active", claims.email);
  sendJson(res, 200, {
    active: true,
    email: claims.email,
    sub: claims.sub,
    exp: claims.exp,
    client_id: claims.client_id,
    scope: claims.scope,
  });
}

async function revoke(req, res) {
  const token = (await readForm(req)).get("token") ?? "";
  revoked.add(token);
  log("revoked", userOfRefreshToken.get(token) ?? "unknown token");
  res.writeHead(200);
  res.end();
}

function setLifetime(url, res) {
  const seconds = Number(url.searchParams.get("seconds"));
  if (!Number.isInteger(seconds) || seconds < 1) {
    sendJson(res, 400, { error: "seconds must be a whole number above 0" });
    return;
  }
  accessTokenSeconds = seconds;
  log("access tokens now last", seconds, "s");
  sendJson(res, 200, { seconds });
}

function denyNextAuthorization(res) {
  denyNext = true;
  sendJson(res, 200, { denyNext });
}

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  const handled =
    req.method === "POST" && url.pathname === "/introspect"
      ? introspect(req, res)
      : req.method === "POST" && url.pathname === "/revoke"
        ? revoke(req, res)
        : req.method === "POST" && url.pathname === "/control/access-token-seconds"
          ? setLifetime(url, res)
          : req.method === "POST" && url.pathname === "/control/deny-next"
            ? denyNextAuthorization(res)
            : undefined;
  if (handled === undefined) {
    service.requestHandler(req, res);
  } else {
    Promise.resolve(handled).catch((err) => {
      log("error", err);
      sendJson(res, 500, { error: "server_error" });
    });
  }
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  issuer.url = `http://127.0.0.1:${port}`;
  const file = args["port-file"];
  writeFileSync(`${file}.tmp`, `${port}\n`);
  renameSync(`${file}.tmp`, file);
  log("listening on", issuer.url, "for client", clientId);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
