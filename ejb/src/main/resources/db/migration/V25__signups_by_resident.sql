-- A resident's home page counts their shifts to come, and their volunteering page lists their
-- sign-ups: both look sign-ups up by resident, which only the (shift_id, resident_id) key indexed.
CREATE INDEX ix_signup_resident ON shift_signup (resident_id, shift_id);
