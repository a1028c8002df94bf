-- Screening rounds (排查), patrol inspectors' daily reports (民情巡察) and the register of risks to
-- stability (信访不稳定因素信息库), with the worker role that records rounds and reports from a phone.

-- worker: a grid worker or patrol inspector of one grid subtree (grid_code), as an officer has one.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
    CHECK (role IN ('admin', 'gis', 'officer', 'handler', 'wall', 'open311', 'worker'));
ALTER TABLE app_user ADD CONSTRAINT app_user_worker_grid CHECK (role <> 'worker' OR grid_code IS NOT NULL);

-- How often each level screens its area (Lanshan: 区级每季一次、镇级每月一次、村级每周一次、网格每天一次).
-- A level without a row has no rounds due.
CREATE TABLE round_schedule (
    level       text        PRIMARY KEY CHECK (level IN ('county', 'township', 'village', 'base')),
    every       text        NOT NULL CHECK (every IN ('quarter', 'month', 'week', 'day')),
    demo        boolean     NOT NULL DEFAULT false,
    changed_at  timestamptz NOT NULL DEFAULT now()
);

-- A round done: the unit whose round it is (a grid at the round's level), when, by whom, the grids visited.
-- Demo rounds name a generated worker and have no user.
CREATE TABLE screening_round (
    id           bigserial   PRIMARY KEY,
    level        text        NOT NULL CHECK (level IN ('county', 'township', 'village', 'base')),
    grid_code    text        NOT NULL,
    done_on      date        NOT NULL,
    at           timestamptz NOT NULL,
    worker_id    integer     REFERENCES app_user (id),
    worker_name  text        NOT NULL,
    visited      text[]      NOT NULL CHECK (cardinality(visited) > 0),
    notes        text,
    demo         boolean     NOT NULL DEFAULT false,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (worker_id IS NOT NULL OR demo)
);
CREATE INDEX screening_round_unit ON screening_round (grid_code, done_on);
CREATE INDEX screening_round_worker ON screening_round (worker_id, id);

-- A patrol inspector's daily report (每日必学、每日必巡、每日必察、每日必报): one a day.
CREATE TABLE patrol_report (
    id            bigserial   PRIMARY KEY,
    inspector_id  integer     NOT NULL REFERENCES app_user (id),
    day           date        NOT NULL,
    at            timestamptz NOT NULL,
    studied       text        NOT NULL,
    visited       text[]      NOT NULL CHECK (cardinality(visited) > 0),
    observed      text        NOT NULL,
    notes         text,
    demo          boolean     NOT NULL DEFAULT false,
    CONSTRAINT patrol_report_one_a_day UNIQUE (inspector_id, day)
);
CREATE INDEX patrol_report_day ON patrol_report (day);

-- What a round or a patrol report found; taken in as a case through the intake, which links it here.
CREATE TABLE finding (
    id                bigserial PRIMARY KEY,
    round_id          bigint    REFERENCES screening_round (id),
    patrol_report_id  bigint    REFERENCES patrol_report (id),
    position          smallint  NOT NULL CHECK (position >= 1),
    title             text      NOT NULL,
    description       text,
    category          text      NOT NULL,
    grid_code         text      NOT NULL,
    case_id           bigint    REFERENCES "case" (id),
    CHECK ((round_id IS NULL) <> (patrol_report_id IS NULL)),
    UNIQUE (round_id, position),
    UNIQUE (patrol_report_id, position)
);
CREATE INDEX finding_case ON finding (case_id) WHERE case_id IS NOT NULL;

-- 信访不稳定因素信息库: a risk to stability with its class (一 the gravest), the four fixes of 包案
-- (定领导、定人员、定责任、定时限) and its status; reviews keep what was done and found.
CREATE TABLE risk_entry (
    id            bigserial   PRIMARY KEY,
    subject       text        NOT NULL CHECK (length(btrim(subject)) > 0),
    grid_code     text        NOT NULL,
    class         smallint    NOT NULL CHECK (class BETWEEN 1 AND 3),
    leader        text        NOT NULL,
    unit          text        NOT NULL,
    person        text        NOT NULL,
    deadline      date        NOT NULL,
    status        text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'controlled', 'resolved')),
    collected_on  date        NOT NULL,
    collected_by  text        NOT NULL,
    demo          boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX risk_entry_grid ON risk_entry (grid_code);
CREATE INDEX risk_entry_collected ON risk_entry (collected_on);

CREATE TABLE risk_review (
    id        bigserial   PRIMARY KEY,
    entry_id  bigint      NOT NULL REFERENCES risk_entry (id),
    at        timestamptz NOT NULL,
    reviewer  text        NOT NULL,
    status    text        NOT NULL CHECK (status IN ('open', 'controlled', 'resolved')),
    note      text        NOT NULL,
    demo      boolean     NOT NULL DEFAULT false
);
CREATE INDEX risk_review_entry ON risk_review (entry_id, id);
CREATE INDEX risk_review_at ON risk_review (at);
