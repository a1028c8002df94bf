package org.gridcc.access;

import java.util.Arrays;
import java.util.Optional;

/** What a user is for; one role per user. The names are those of the database and of @RolesAllowed. */
public enum Role {
    /** Everything, and the users and the audit trail. */
    ADMIN,
    /** Loads and publishes grid boundaries. */
    GIS,
    /** Sees and acts on the cases of one grid and everything in it (a county duty officer: the county). */
    OFFICER,
    /** Sees and acts on the cases its unit holds. */
    HANDLER,
    /** A wall display: the map, the KPIs and the ticker; no personal data, changes nothing. */
    WALL,
    /** A client system that posts requests with its api_key (Open311). */
    OPEN311,
    /**
     * A grid worker or patrol inspector (网格员, 民情巡察员) of one grid and what lies in it: records rounds and
     * patrol reports there from a phone and reads its own; no case list, no map, no report.
     */
    WORKER;

    /** The role names as @RolesAllowed takes them. */
    public static final String ADMIN_NAME = "admin", GIS_NAME = "gis", OFFICER_NAME = "officer", HANDLER_NAME = "handler",
            WALL_NAME = "wall", WORKER_NAME = "worker";

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Role> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }

    /** Roles whose scope is a grid of their own (stored with the user), not the unit's or the county's. */
    public boolean hasOwnGrid() {
        return this == OFFICER || this == WORKER;
    }

    /** Roles that watch the live map (/live): everyone signed in but client systems and workers. */
    public boolean watchesLive() {
        return this != OPEN311 && this != WORKER;
    }

    /** Roles that may see a case's reporter when they ask for it (each such read is audited). */
    public boolean mayUnmask() {
        return this == ADMIN || this == OFFICER || this == HANDLER;
    }
}
