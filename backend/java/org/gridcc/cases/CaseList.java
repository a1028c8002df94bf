package org.gridcc.cases;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.gridcc.access.Caller;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.QueryValues;
import org.gridcc.common.ServiceClock;

/** The case list with its filters: a grid subtree, states, deadline flags, channel, category, time. */
@ApplicationScoped
public class CaseList {

    private final Pool pool;
    private final Backlog backlog;

    public CaseList(Pool pool, Backlog backlog) {
        this.pool = pool;
        this.backlog = backlog;
    }

    /** The flags, page and size of a filter, as read from its text. */
    private record Read(int page, int size, Boolean overdue, Boolean warned, Boolean supervised, Boolean discipline, Boolean backlog) {

        static Read of(CaseFilter filter) {
            var errors = new ArrayList<FieldError>();
            var read = new Read(QueryValues.wholeNumber("page", filter.page, 0L, 0, Integer.MAX_VALUE, errors).intValue(),
                    QueryValues.wholeNumber("size", filter.size, 50L, 1, 500, errors).intValue(),
                    QueryValues.trueOrFalse("overdue", filter.overdue, errors), QueryValues.trueOrFalse("warned", filter.warned, errors),
                    QueryValues.trueOrFalse("supervised", filter.supervised, errors),
                    QueryValues.trueOrFalse("discipline", filter.discipline, errors),
                    QueryValues.trueOrFalse("backlog", filter.backlog, errors));
            QueryValues.refuseIfAny(errors);
            return read;
        }
    }

    /** The page of cases that pass the filters among those the caller may see. */
    public Uni<CaseSummary.Page> find(CaseFilter filter, Caller caller) {
        Read read = Read.of(filter);
        CaseScope.requireCovered(caller, filter.grid);
        var args = new ArrayList<Object>();
        String where = where(filter, read, args) + " AND " + CaseScope.condition(caller, args);
        String order = switch (filter.sort) {
            case "receivedAt" -> "c.received_at, c.id";
            case "due" -> "s.next_due NULLS LAST, c.id";
            case "code" -> "c.code";
            case "-code" -> "c.code DESC";
            default -> "c.received_at DESC, c.id DESC";
        };
        // The deadline state as every reader sees it (case_live): warned and overdue once recorded, the next open duty.
        String from = "FROM \"case\" c JOIN case_live s ON s.id = c.id LEFT JOIN unit u ON u.id = c.unit_id WHERE " + where;
        Uni<Long> total = pool.preparedQuery("SELECT count(*) " + from).execute(Tuple.from(args))
                .map(rows -> rows.iterator().next().getLong(0));
        var pageArgs = new ArrayList<>(args);
        pageArgs.add(read.size());
        pageArgs.add((long) read.page() * read.size());
        Uni<List<CaseSummary>> items = pool.preparedQuery("""
                        SELECT c.code, c.status, c.category, c.risk, c.title, c.supervised, c.received_at, u.name AS unit_name,
                               coalesce(c.base_code, c.group_code, c.village_code, c.township_code, c.county_code) AS grid,
                               s.next_due, s.warned, s.overdue, s.discipline %s ORDER BY %s LIMIT $%d OFFSET $%d"""
                        .formatted(from, order, pageArgs.size() - 1, pageArgs.size()))
                .execute(Tuple.from(pageArgs))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(CaseList::summary).toList());
        return Uni.combine().all().unis(total, items).asTuple()
                .map(t -> new CaseSummary.Page(read.page(), read.size(), t.getItem1(), t.getItem2()));
    }

    private String where(CaseFilter filter, Read read, List<Object> args) {
        var conditions = new ArrayList<String>();
        conditions.add("true");
        if (filter.grid != null) {
            args.add(filter.grid);
            conditions.add(CasePlace.in(args.size()));
        }
        if (filter.status != null) {
            args.add(statuses(filter.status));
            conditions.add("c.status = ANY ($%d)".formatted(args.size()));
        }
        if (read.overdue() != null) conditions.add((read.overdue() ? "" : "NOT ") + "s.overdue");
        if (read.warned() != null) conditions.add((read.warned() ? "" : "NOT ") + "s.warned");
        if (read.discipline() != null) conditions.add((read.discipline() ? "" : "NOT ") + "s.discipline");
        if (read.supervised() != null) conditions.add((read.supervised() ? "" : "NOT ") + "c.supervised");
        if (read.backlog() != null) conditions.add(backlog.condition(read.backlog(), args));
        if (filter.channel != null) {
            args.add(filter.channel);
            conditions.add("c.channel = $%d".formatted(args.size()));
        }
        if (filter.category != null) {
            if (Categories.of(filter.category).isEmpty()) {
                throw new ProblemException(ProblemType.INVALID_INPUT, "Unknown category.",
                        List.of(new FieldError("category", "unknown category \"%s\"".formatted(filter.category))));
            }
            args.add(filter.category);
            conditions.add("c.category = $%d".formatted(args.size()));
        }
        if (filter.from != null) {
            args.add(time("from", filter.from));
            conditions.add("c.received_at >= $%d".formatted(args.size()));
        }
        if (filter.to != null) {
            args.add(time("to", filter.to));
            conditions.add("c.received_at < $%d".formatted(args.size()));
        }
        return String.join(" AND ", conditions);
    }

    /** Status codes, each one of the enum's; open and closed stand for their phases. */
    private static String[] statuses(String text) {
        var codes = new ArrayList<String>();
        for (String word : text.split(",")) {
            String code = word.strip();
            if (code.equals("open") || code.equals("closed")) {
                for (CaseStatus s : CaseStatus.values()) if (s.isOpen() == code.equals("open")) codes.add(s.code());
            } else if (CaseStatus.of(code).isPresent()) {
                codes.add(code);
            } else {
                throw new ProblemException(ProblemType.INVALID_INPUT, "Unknown status.", List.of(new FieldError("status",
                        "unknown status \"%s\"; known: open, closed, %s".formatted(code,
                                java.util.Arrays.stream(CaseStatus.values()).map(CaseStatus::code).toList()))));
            }
        }
        return codes.toArray(String[]::new);
    }

    private static java.time.OffsetDateTime time(String field, String text) {
        var errors = new ArrayList<FieldError>();
        var time = QueryValues.time(field, text, errors);
        if (!errors.isEmpty()) throw new ProblemException(ProblemType.INVALID_INPUT, "A time in the query is not readable.", errors);
        return time;
    }

    private static CaseSummary summary(Row row) {
        return new CaseSummary(row.getString("code"), CaseStatus.ofCode(row.getString("status")), row.getString("category"),
                Risk.valueOf(row.getString("risk").toUpperCase()), row.getString("title"), row.getString("grid"),
                row.getString("unit_name"), local(row, "received_at"), local(row, "next_due"),
                row.getBoolean("warned"), row.getBoolean("overdue"), row.getBoolean("supervised"), row.getBoolean("discipline"));
    }

    private static java.time.OffsetDateTime local(Row row, String column) {
        return ServiceClock.local(row.getOffsetDateTime(column));
    }
}
