package org.gridcc.cases.open311;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gridcc.cases.Categories;
import org.gridcc.cases.Category;
import org.gridcc.cases.Risk;

/** The services Open311 offers: the case categories, each with the risk attribute that decides who handles a case. */
final class Open311Services {

    static final String RISK = "risk";

    private Open311Services() {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Service(String serviceCode, String serviceName, String description, boolean metadata, String type, String keywords,
                   String group) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Definition(String serviceCode, List<Attribute> attributes) {

        Optional<Attribute> attribute(String code) {
            return attributes.stream().filter(a -> a.code().equals(code)).findFirst();
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Attribute(boolean variable, String code, String datatype, boolean required, String datatypeDescription, int order,
                     String description, List<Value> values) {

        boolean isList() {
            return datatype.endsWith("valuelist");
        }

        boolean allows(String key) {
            return values.stream().anyMatch(v -> v.key().equals(key));
        }
    }

    record Value(String key, String name) {}

    static List<Service> list() {
        // Every service has the risk attribute, so metadata is true throughout; requests get their id at once (realtime).
        return Categories.residentFacing().stream()
                .map(c -> new Service(c.code(), c.name(), "默认风险：" + riskName(c.risk(), c),
                        true, "realtime", String.join(", ", c.name(), c.code(), c.department()), c.department()))
                .toList();
    }

    static Optional<Definition> definition(String serviceCode) {
        return Categories.residentFacing(serviceCode).map(c -> new Definition(c.code(), List.of(risk(c))));
    }

    /** Risk decides the level that handles a case (Lushui: 村级调、乡级办、县级统); left out, the service's default holds. */
    private static Attribute risk(Category category) {
        return new Attribute(true, RISK, "singlevaluelist", false, "low, medium or high; default " + category.risk().code(), 1,
                "风险等级：决定办理层级，不填则为" + riskName(category.risk(), category),
                Arrays.stream(Risk.values()).map(r -> new Value(r.code(), riskName(r, category))).toList());
    }

    private static String riskName(Risk risk, Category category) {
        return switch (risk) {
            case LOW -> "低（村、社区调处）";
            case MEDIUM -> "中（乡镇、街道办理）";
            case HIGH -> "高（县" + category.department() + "统筹）";
        };
    }
}
