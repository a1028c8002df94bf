package org.gridcc.cases;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The filters, page and order of the case list, from the query string. Yes/no flags, page and size
 * are read as text and checked by {@link CaseList} (QueryValues), so that a bad one is a 400 naming it.
 */
public class CaseFilter {

    @QueryParam("grid")
    @Pattern(regexp = "[0-9]{6}([0-9]{3})*", message = "a grid code is 6 digits, then groups of 3 digits")
    public String grid;

    /** Comma-separated states; open and closed stand for all the open or closed ones. */
    @QueryParam("status")
    @Pattern(regexp = "[a-z_]+(,[a-z_]+)*", message = "give states separated by commas, e.g. dispatched,claimed or open")
    public String status;

    @QueryParam("overdue")
    public String overdue;

    @QueryParam("warned")
    public String warned;

    @QueryParam("supervised")
    public String supervised;

    /** Under the county 纪委's supervision. */
    @QueryParam("discipline")
    public String discipline;

    /** 积案: open and received more than gridcc.backlog.days ago. */
    @QueryParam("backlog")
    public String backlog;

    @QueryParam("channel")
    @Pattern(regexp = "grid_worker|window|hotline_12345|online|deputy_station|patrol_inspector|open311",
            message = "channels: grid_worker, window, hotline_12345, online, deputy_station, patrol_inspector, open311")
    public String channel;

    @QueryParam("category")
    public String category;

    /** Received at or after, ISO-8601 with offset (read as text so that a bad one is a 400 that says why). */
    @QueryParam("from")
    public String from;

    /** Received before, ISO-8601 with offset. */
    @QueryParam("to")
    public String to;

    /** From 0. */
    @QueryParam("page")
    public String page;

    /** 1 to 500 cases a page, 50 when absent. */
    @QueryParam("size")
    public String size;

    /** receivedAt, -receivedAt (newest first, the default), due (most urgent first) or code. */
    @QueryParam("sort")
    @DefaultValue("-receivedAt")
    @Pattern(regexp = "-?(receivedAt|due|code)", message = "sort by receivedAt, -receivedAt, due, code or -code")
    public String sort;
}
