package org.gridcc.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns Bean Validation paths ({@code replace.body.days[0].date}) into the names a client
 * knows ({@code days[0].date}; a path or query parameter keeps its own name).
 */
final class ViolationFields {

    private ViolationFields() {}

    static List<Problem.FieldError> of(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    static boolean onReturnValue(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .anyMatch(v -> nodes(v).stream().anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
    }

    private static String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = nodes(violation);
        nodes.removeIf(n -> n.getKind() == ElementKind.METHOD);
        // The body parameter's own name means nothing to a client: drop it when the
        // violation is inside the body.
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        var field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) field.append('.');
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static List<Path.Node> nodes(ConstraintViolation<?> violation) {
        var nodes = new ArrayList<Path.Node>();
        violation.getPropertyPath().forEach(nodes::add);
        return nodes;
    }
}
