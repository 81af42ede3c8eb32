-- Sign-in protection (docs/operations.md, "Sign-in protection"): failed sign-ins counted per client
-- address in a window, so one address that guesses too often is refused for a while, on every node
-- of the installation; and the addresses each account last signed in from, where a lock caused by
-- failures elsewhere does not apply.
CREATE TABLE sign_in_address (
    client_address VARCHAR(64) NOT NULL,
    window_start TIMESTAMP NOT NULL,
    failures INTEGER NOT NULL,
    throttled_until TIMESTAMP,
    version INTEGER NOT NULL,
    CONSTRAINT pk_sign_in_address PRIMARY KEY (client_address),
    CONSTRAINT ck_sign_in_address_failures CHECK (failures >= 0)
);

-- At most a few rows per account (the most recent addresses of successful sign-ins).
CREATE TABLE account_sign_in_address (
    account_id BIGINT NOT NULL,
    client_address VARCHAR(64) NOT NULL,
    last_signed_in_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_account_sign_in_address PRIMARY KEY (account_id, client_address),
    CONSTRAINT fk_account_sign_in_address_account FOREIGN KEY (account_id) REFERENCES account (id)
);
