package org.gridcc.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gridcc.people.DisputeCategories;

/** The categories marked for mediation (categories.json): what mediators specialise in. */
@ApplicationScoped
public class MediationCategories implements DisputeCategories {

    private static final List<String> CODES = Categories.all().stream().filter(Category::mediation).map(Category::code).toList();

    @Override
    public List<String> codes() {
        return CODES;
    }
}
