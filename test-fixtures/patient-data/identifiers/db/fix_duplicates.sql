-- Fix for NW-2211: two rows for the same patient.
-- Reported by the records office with the NIR 1 63 06 13 518 663 96 in the ticket.
UPDATE patients SET merged_into = 1042 WHERE id = 2077;

-- Order references are not identifiers.
UPDATE orders SET status = 'void' WHERE reference = '163061351866396';

INSERT INTO audit_log (actor, note) VALUES ('dba', 'checked codice fiscale BNCLCU80S21L427W against the registry');
