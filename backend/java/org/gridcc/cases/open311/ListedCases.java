package org.gridcc.cases.open311;

import java.util.stream.Stream;
import org.gridcc.cases.Categories;
import org.gridcc.cases.CaseIntake;
import org.gridcc.cases.CaseAction;

/**
 * Which cases Open311 shows, and how much of them. Never a petition (信访: the category, or a
 * case under the 信访 rules) nor a confidential case (检举控告): for Open311 they do not exist.
 * Of the others, anyone sees the state, service, place and times; the text only the client that
 * posted the case.
 */
final class ListedCases {

    /** The categories never shown, a parameter of {@link #condition}. */
    static final String[] HIDDEN_CATEGORIES = Stream.concat(Stream.of(Categories.confidentialCodes()), Stream.of(Categories.PETITION))
            .distinct().toArray(String[]::new);

    private ListedCases() {}

    /** The condition on {@code "case" c} that it is shown; {@code $hidden} is the parameter that holds {@link #HIDDEN_CATEGORIES}. */
    static String condition(int hidden) {
        return "NOT c.category = ANY($%d) AND c.rule_set <> '%s'".formatted(hidden, Categories.PETITION_RULE_SET);
    }

    /** Whether the client of parameter {@code $client} (null: none) posted {@code "case" c}: it then sees the case's text. */
    static String postedBy(int client) {
        return """
                EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.type = '%s' AND e.payload ->> '%s' = $%d)"""
                .formatted(CaseAction.RECEIVED_EVENT, CaseIntake.CLIENT, client);
    }
}
