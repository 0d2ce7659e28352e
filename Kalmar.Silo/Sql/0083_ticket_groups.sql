-- Startsida and the app group a traveller's unexpired tickets by status (Aktiva, Kommande, Spärrade) and page them:
-- with the status before the end of validity, each group is one range of this index, already in the order shown,
-- and the counts read the index alone, however many tickets a traveller has held.
create index if not exists tickets_traveller_status_valid_to on tickets (traveller_id, status, valid_to) include (valid_from, carrier_type);
