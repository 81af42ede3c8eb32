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
