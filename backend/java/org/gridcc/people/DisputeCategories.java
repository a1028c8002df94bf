package org.gridcc.people;

import java.util.List;

/** The case categories that are disputes settled by mediation (a mediator's specialties); the case package knows them. */
public interface DisputeCategories {

    List<String> codes();
}
