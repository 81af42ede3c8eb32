-- The nightly run starts on one node only: every node's timer fires, and the first to claim the
-- night in this row runs it (a conditional update: a night already claimed is not claimed again).
-- A node that dies holds its night only: the next night is claimed afresh by whichever node comes
-- first, and an operator may start the jobs of a night by hand from any node.
CREATE TABLE node_lease (
    name VARCHAR(40) NOT NULL,
    night DATE,
    holder VARCHAR(200),
    acquired_at TIMESTAMP,
    CONSTRAINT pk_node_lease PRIMARY KEY (name)
);
INSERT INTO node_lease (name) VALUES ('nightly');

-- A file of the import inbox is imported by one job instance at a time, on whichever node: the
-- instance that inserts the file's row first holds it until its run ends (the row is deleted when
-- the file moves to done/). A restart of the same instance keeps it; a claim left by a node that
-- died is taken over once older than wushe.inbox.claimHours.
CREATE TABLE inbox_claim (
    file_name VARCHAR(255) NOT NULL,
    node VARCHAR(200) NOT NULL,
    job_instance_id BIGINT NOT NULL,
    claimed_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_inbox_claim PRIMARY KEY (file_name)
);
