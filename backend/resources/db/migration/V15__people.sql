-- The grid's people (issue 20): heads of every level, grid workers, patrol inspectors (民情巡察员),
-- mediators (调解员) and leaders who receive petitioners on fixed days. One table, the columns of
-- each kind checked by kind. A person's place is a grid code (their grid, their body's grid, the
-- county); titles of heads are not stored: the county names its levels (people/head-titles.json).
CREATE TABLE person (
    id              serial PRIMARY KEY,
    kind            text     NOT NULL CHECK (kind IN ('head', 'worker', 'inspector', 'mediator', 'leader')),
    name            text     NOT NULL CHECK (length(btrim(name)) > 0),
    phone           text,
    grid_code       text     NOT NULL CHECK (grid_code ~ '^[0-9]{6}([0-9]{3})*$'),
    -- A head's level: township, village, group, base, or household (楼层长 / 中心户长 under a base grid).
    head_level      text     CHECK (head_level IN ('township', 'village', 'group', 'base', 'household')),
    -- Weekdays (1 Monday .. 7 Sunday) a grid worker is on duty on working days.
    duty_days       smallint[],
    -- A mediator's categories of dispute and the kind of mediation of their body (三调).
    specialties     text[],
    mediation_kind  text     CHECK (mediation_kind IN ('people', 'administrative', 'judicial')),
    -- A mediator's body (调解组织), a leader's post, an inspector's beat.
    body            text,
    -- Days of the month a leader receives petitioners (坐班接访).
    reception_days  smallint[],
    demo            boolean  NOT NULL DEFAULT false,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'head') = (head_level IS NOT NULL)),
    CHECK (kind <> 'worker' OR duty_days IS NOT NULL),
    CHECK ((kind = 'mediator') = (mediation_kind IS NOT NULL AND specialties IS NOT NULL)),
    CHECK ((kind = 'leader') = (reception_days IS NOT NULL))
);
CREATE INDEX person_grid ON person (grid_code text_pattern_ops);
CREATE INDEX person_kind ON person (kind, grid_code);

-- Campaigns to clear the backlog (积案化解, e.g. Luoping's 百日攻坚 of 4-20 to 7-30).
CREATE TABLE backlog_campaign (
    id          serial PRIMARY KEY,
    name        text NOT NULL CHECK (length(btrim(name)) > 0),
    starts_on   date NOT NULL,
    ends_on     date NOT NULL CHECK (ends_on >= starts_on),
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
