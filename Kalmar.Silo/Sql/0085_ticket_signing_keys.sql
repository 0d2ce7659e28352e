-- The ECDSA P-256 keys that sign a ticket's QR code (ES256). The web nodes create and rotate them: the key with the
-- latest activated_at not in the future signs; the next one is created a rotation period ahead, so inspection devices
-- that fetch /.well-known/ticket-keys.json know it before the first ticket carries it. A key stays published until
-- verify_until: its retirement plus the longest a ticket can stay valid after its code was signed.
create table if not exists ticket_signing_keys (
  kid text primary key check (kid ~ '^[0-9a-f]{8}$'), -- the payload's 4 key-id bytes in hex
  public_x bytea not null check (length(public_x) = 32),
  public_y bytea not null check (length(public_y) = 32),
  -- PKCS#8, protected with the web nodes' data protection key ring (purpose "Kalmar.TicketSigningKeys.v1").
  private_key_protected bytea not null,
  created_at timestamptz not null default now(),
  activated_at timestamptz not null,
  retired_at timestamptz,   -- the next key's activated_at, written when the next key is created
  verify_until timestamptz, -- retired_at + the longest ticket lifetime; null while the key signs or waits to
  check ((retired_at is null) = (verify_until is null))
);

-- One key per moment: two nodes creating the next key at once cannot both succeed (they also take a lock).
create unique index if not exists ticket_signing_keys_activated_at on ticket_signing_keys (activated_at);
