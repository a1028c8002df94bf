package org.gridcc.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The filters, page and order of the case list, from the query string. */
public class CaseFilter {

    @QueryParam("grid")
    @Pattern(regexp = "[0-9]{6}([0-9]{3})*", message = "a grid code is 6 digits, then groups of 3 digits")
    public String grid;

    /** Comma-separated states; open and closed stand for all the open or closed ones. */
    @QueryParam("status")
    @Pattern(regexp = "[a-z_]+(,[a-z_]+)*", message = "give states separated by commas, e.g. dispatched,claimed or open")
    public String status;

    @QueryParam("overdue")
    public Boolean overdue;

    @QueryParam("warned")
    public Boolean warned;

    @QueryParam("supervised")
    public Boolean supervised;

    /** Under the county 纪委's supervision. */
    @QueryParam("discipline")
    public Boolean discipline;

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

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "pages count from 0")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(value = 1, message = "a page holds at least 1 case")
    @Max(value = 500, message = "a page holds at most 500 cases")
    public int size;

    /** receivedAt, -receivedAt (newest first, the default), due (most urgent first) or code. */
    @QueryParam("sort")
    @DefaultValue("-receivedAt")
    @Pattern(regexp = "-?(receivedAt|due|code)", message = "sort by receivedAt, -receivedAt, due, code or -code")
    public String sort;
}
