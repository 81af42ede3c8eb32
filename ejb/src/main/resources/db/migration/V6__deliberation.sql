-- Joint deliberation zone: issues classified by nature (the nature fixes the workflow), their
-- history, discussion comments, proposals with the Party secretary's vetoes (never deleted),
-- resident representatives with terms, meetings with attendance (a source of deliberation points,
-- settled once each), votes with per-option tallies and ballots (no choice stored for a secret
-- ballot), published decisions tracked to implementation, each community's vote rules, and the
-- self-examination reviews with their corrective actions.

CREATE SEQUENCE delib_issue_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_event_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_comment_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_proposal_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_veto_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_representative_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_meeting_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_attendance_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_vote_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_vote_option_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_ballot_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_decision_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_review_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE delib_corrective_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE delib_vote_rule (
    community_id BIGINT NOT NULL,
    quorum_num INTEGER NOT NULL,
    quorum_den INTEGER NOT NULL,
    majority_num INTEGER NOT NULL,
    majority_den INTEGER NOT NULL,
    review_months INTEGER NOT NULL,
    changed_by VARCHAR(50) NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_delib_vote_rule PRIMARY KEY (community_id),
    CONSTRAINT fk_vote_rule_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT ck_vote_rule_quorum CHECK (quorum_num > 0 AND quorum_den > 0 AND quorum_num <= quorum_den),
    CONSTRAINT ck_vote_rule_majority CHECK (majority_num > 0 AND majority_den > 0 AND majority_num < majority_den)
);

CREATE TABLE delib_issue (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    title VARCHAR(150) NOT NULL,
    description VARCHAR(4000) NOT NULL,
    nature VARCHAR(20) NOT NULL,
    stage VARCHAR(20) NOT NULL,
    source VARCHAR(20) NOT NULL,
    raised_by_name VARCHAR(100) NOT NULL,
    need_id BIGINT,
    summary VARCHAR(4000),
    raised_by VARCHAR(50) NOT NULL,
    raised_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_delib_issue PRIMARY KEY (id),
    CONSTRAINT fk_issue_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_issue_need FOREIGN KEY (need_id) REFERENCES need (id)
);
CREATE INDEX ix_issue_board ON delib_issue (community_id, nature, stage, updated_at);
CREATE INDEX ix_issue_stage ON delib_issue (community_id, stage, updated_at);
CREATE INDEX ix_issue_need ON delib_issue (need_id);

CREATE TABLE delib_event (
    id BIGINT NOT NULL,
    issue_id BIGINT NOT NULL,
    kind VARCHAR(30) NOT NULL,
    detail VARCHAR(4000),
    happened_at TIMESTAMP NOT NULL,
    actor VARCHAR(50) NOT NULL,
    CONSTRAINT pk_delib_event PRIMARY KEY (id),
    CONSTRAINT fk_event_issue FOREIGN KEY (issue_id) REFERENCES delib_issue (id)
);
CREATE INDEX ix_event_issue ON delib_event (issue_id, happened_at);

CREATE TABLE delib_comment (
    id BIGINT NOT NULL,
    issue_id BIGINT NOT NULL,
    author_kind VARCHAR(20) NOT NULL,
    author_name VARCHAR(100) NOT NULL,
    body VARCHAR(2000) NOT NULL,
    posted_at TIMESTAMP NOT NULL,
    posted_by VARCHAR(50) NOT NULL,
    CONSTRAINT pk_delib_comment PRIMARY KEY (id),
    CONSTRAINT fk_comment_issue FOREIGN KEY (issue_id) REFERENCES delib_issue (id)
);
CREATE INDEX ix_comment_issue ON delib_comment (issue_id, posted_at);

CREATE TABLE delib_proposal (
    id BIGINT NOT NULL,
    issue_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    title VARCHAR(150) NOT NULL,
    body VARCHAR(4000) NOT NULL,
    cost_fen BIGINT,
    status VARCHAR(20) NOT NULL,
    revision INTEGER NOT NULL,
    submitted_by VARCHAR(50) NOT NULL,
    submitted_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_delib_proposal PRIMARY KEY (id),
    CONSTRAINT fk_proposal_issue FOREIGN KEY (issue_id) REFERENCES delib_issue (id),
    CONSTRAINT ck_proposal_cost CHECK (cost_fen IS NULL OR cost_fen >= 0)
);
CREATE INDEX ix_proposal_issue ON delib_proposal (issue_id, status);

CREATE TABLE delib_veto (
    id BIGINT NOT NULL,
    proposal_id BIGINT NOT NULL,
    issue_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    proposal_revision INTEGER NOT NULL,
    ground VARCHAR(30) NOT NULL,
    reason VARCHAR(2000) NOT NULL,
    vetoed_by VARCHAR(50) NOT NULL,
    vetoed_by_name VARCHAR(100) NOT NULL,
    vetoed_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_delib_veto PRIMARY KEY (id),
    CONSTRAINT fk_veto_proposal FOREIGN KEY (proposal_id) REFERENCES delib_proposal (id),
    CONSTRAINT fk_veto_issue FOREIGN KEY (issue_id) REFERENCES delib_issue (id)
);
CREATE INDEX ix_veto_proposal ON delib_veto (proposal_id, vetoed_at);
CREATE INDEX ix_veto_issue ON delib_veto (issue_id, vetoed_at);

CREATE TABLE delib_representative (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    resident_id BIGINT NOT NULL,
    name VARCHAR(50) NOT NULL,
    term_start DATE NOT NULL,
    term_end DATE NOT NULL,
    appointed_by VARCHAR(50) NOT NULL,
    appointed_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_delib_representative PRIMARY KEY (id),
    CONSTRAINT fk_representative_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_representative_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT uq_representative_term UNIQUE (resident_id, term_start),
    CONSTRAINT ck_representative_term CHECK (term_end >= term_start)
);
CREATE INDEX ix_representative_current ON delib_representative (community_id, term_end, term_start);

CREATE TABLE delib_meeting (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    title VARCHAR(150) NOT NULL,
    held_at TIMESTAMP NOT NULL,
    place VARCHAR(100) NOT NULL,
    agenda VARCHAR(2000) NOT NULL,
    minutes VARCHAR(4000),
    created_by VARCHAR(50) NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT pk_delib_meeting PRIMARY KEY (id),
    CONSTRAINT fk_meeting_community FOREIGN KEY (community_id) REFERENCES community (id)
);
CREATE INDEX ix_meeting_community ON delib_meeting (community_id, held_at);

-- One row per representative present; settled marks the row booked into the points ledger, so the
-- nightly settlement finds the unsettled rows by (settled, id) without scanning the table.
CREATE TABLE delib_attendance (
    id BIGINT NOT NULL,
    meeting_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    representative_id BIGINT NOT NULL,
    resident_id BIGINT NOT NULL,
    recorded_by VARCHAR(50) NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    settled BOOLEAN NOT NULL,
    CONSTRAINT pk_delib_attendance PRIMARY KEY (id),
    CONSTRAINT fk_delib_att_meeting FOREIGN KEY (meeting_id) REFERENCES delib_meeting (id),
    CONSTRAINT fk_delib_att_representative FOREIGN KEY (representative_id) REFERENCES delib_representative (id),
    CONSTRAINT fk_delib_att_resident FOREIGN KEY (resident_id) REFERENCES resident (id),
    CONSTRAINT uq_delib_attendance UNIQUE (meeting_id, representative_id)
);
CREATE INDEX ix_delib_att_unsettled ON delib_attendance (settled, id);
CREATE INDEX ix_delib_att_resident ON delib_attendance (resident_id, meeting_id);

CREATE TABLE delib_vote (
    id BIGINT NOT NULL,
    issue_id BIGINT NOT NULL,
    meeting_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    secret BOOLEAN NOT NULL,
    status VARCHAR(20) NOT NULL,
    quorum_num INTEGER NOT NULL,
    quorum_den INTEGER NOT NULL,
    majority_num INTEGER NOT NULL,
    majority_den INTEGER NOT NULL,
    representatives INTEGER NOT NULL,
    present_count INTEGER,
    against_count INTEGER NOT NULL,
    abstain_count INTEGER NOT NULL,
    recused_count INTEGER NOT NULL,
    winning_proposal_id BIGINT,
    opened_by VARCHAR(50) NOT NULL,
    opened_at TIMESTAMP NOT NULL,
    closed_by VARCHAR(50),
    closed_at TIMESTAMP,
    version INTEGER NOT NULL,
    CONSTRAINT pk_delib_vote PRIMARY KEY (id),
    CONSTRAINT fk_vote_issue FOREIGN KEY (issue_id) REFERENCES delib_issue (id),
    CONSTRAINT fk_vote_meeting FOREIGN KEY (meeting_id) REFERENCES delib_meeting (id),
    CONSTRAINT fk_vote_winner FOREIGN KEY (winning_proposal_id) REFERENCES delib_proposal (id)
);
CREATE INDEX ix_vote_issue ON delib_vote (issue_id, opened_at);
CREATE INDEX ix_vote_meeting ON delib_vote (meeting_id);

CREATE TABLE delib_vote_option (
    id BIGINT NOT NULL,
    vote_id BIGINT NOT NULL,
    proposal_id BIGINT NOT NULL,
    votes INTEGER NOT NULL,
    CONSTRAINT pk_delib_vote_option PRIMARY KEY (id),
    CONSTRAINT fk_option_vote FOREIGN KEY (vote_id) REFERENCES delib_vote (id),
    CONSTRAINT fk_option_proposal FOREIGN KEY (proposal_id) REFERENCES delib_proposal (id),
    CONSTRAINT uq_vote_option UNIQUE (vote_id, proposal_id)
);

-- Who took part in a vote. For a secret ballot choice and proposal_id stay empty: only the tallies
-- on delib_vote and delib_vote_option know what was chosen. A declared conflict of interest is a
-- row with recused set and the reason; the unique key makes every representative take part once.
CREATE TABLE delib_ballot (
    id BIGINT NOT NULL,
    vote_id BIGINT NOT NULL,
    representative_id BIGINT NOT NULL,
    recused BOOLEAN NOT NULL,
    conflict_reason VARCHAR(500),
    choice VARCHAR(10),
    proposal_id BIGINT,
    cast_at TIMESTAMP NOT NULL,
    recorded_by VARCHAR(50) NOT NULL,
    CONSTRAINT pk_delib_ballot PRIMARY KEY (id),
    CONSTRAINT fk_ballot_vote FOREIGN KEY (vote_id) REFERENCES delib_vote (id),
    CONSTRAINT fk_ballot_representative FOREIGN KEY (representative_id) REFERENCES delib_representative (id),
    CONSTRAINT fk_ballot_proposal FOREIGN KEY (proposal_id) REFERENCES delib_proposal (id),
    CONSTRAINT uq_ballot UNIQUE (vote_id, representative_id)
);

CREATE TABLE delib_decision (
    id BIGINT NOT NULL,
    issue_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    nature VARCHAR(20) NOT NULL,
    title VARCHAR(150) NOT NULL,
    decision_text VARCHAR(4000) NOT NULL,
    reasons VARCHAR(4000),
    proposal_id BIGINT,
    vote_id BIGINT,
    published_at TIMESTAMP NOT NULL,
    published_by VARCHAR(50) NOT NULL,
    implementation VARCHAR(20) NOT NULL,
    follow_up VARCHAR(2000),
    docking_action_id BIGINT,
    followed_up_at TIMESTAMP,
    version INTEGER NOT NULL,
    CONSTRAINT pk_delib_decision PRIMARY KEY (id),
    CONSTRAINT fk_decision_issue FOREIGN KEY (issue_id) REFERENCES delib_issue (id),
    CONSTRAINT fk_decision_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_decision_action FOREIGN KEY (docking_action_id) REFERENCES docking_action (id),
    CONSTRAINT uq_decision_issue UNIQUE (issue_id)
);
CREATE INDEX ix_decision_public ON delib_decision (community_id, published_at);

CREATE TABLE delib_review (
    id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    satisfaction_score INTEGER NOT NULL,
    coordination_score INTEGER NOT NULL,
    ethics_score INTEGER NOT NULL,
    findings VARCHAR(4000) NOT NULL,
    reviewed_by VARCHAR(50) NOT NULL,
    reviewed_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_delib_review PRIMARY KEY (id),
    CONSTRAINT fk_review_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT uq_review_period UNIQUE (community_id, period_start),
    CONSTRAINT ck_review_period CHECK (period_end >= period_start),
    CONSTRAINT ck_review_scores CHECK (satisfaction_score BETWEEN 0 AND 100 AND coordination_score BETWEEN 0 AND 100
        AND ethics_score BETWEEN 0 AND 100)
);
CREATE INDEX ix_review_community ON delib_review (community_id, period_end);

CREATE TABLE delib_corrective (
    id BIGINT NOT NULL,
    review_id BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    description VARCHAR(1000) NOT NULL,
    owner VARCHAR(100) NOT NULL,
    due_on DATE NOT NULL,
    closed_on DATE,
    closing_note VARCHAR(1000),
    closed_by VARCHAR(50),
    version INTEGER NOT NULL,
    CONSTRAINT pk_delib_corrective PRIMARY KEY (id),
    CONSTRAINT fk_corrective_review FOREIGN KEY (review_id) REFERENCES delib_review (id)
);
CREATE INDEX ix_corrective_review ON delib_corrective (review_id);
CREATE INDEX ix_corrective_open ON delib_corrective (community_id, closed_on, due_on);
