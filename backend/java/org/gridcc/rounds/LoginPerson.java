package org.gridcc.rounds;

/**
 * Whose a login is: the person of the people register linked to it ({@code person.username}, V20), as
 * SQL joined onto a row's user id. Rounds and patrol reports name their worker or inspector through it.
 */
final class LoginPerson {

    private LoginPerson() {}

    /** Joins the login {@code u} and its person {@code pe} (none for a login of nobody in the register) to a user id column. */
    static String join(String userIdColumn) {
        return " LEFT JOIN app_user u ON u.id = %s LEFT JOIN person pe ON pe.username = u.username".formatted(userIdColumn);
    }

    /** The person's id as {@code person_id}. */
    static final String PERSON_ID = "pe.id AS person_id";
}
