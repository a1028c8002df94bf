package org.gridcc.common;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The HTTP methods each path of the API answers, for the {@code Allow} header of a 405:
 * RESTEasy Reactive rejects the method without saying which ones would do.
 */
final class AllowedMethods {

    private record Route(Pattern path, String method) {}

    private static volatile List<Route> routes;

    private AllowedMethods() {}

    static Set<String> at(String path) {
        var allowed = new TreeSet<String>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) allowed.add(route.method());
        }
        if (allowed.contains("GET")) allowed.add("HEAD");
        return allowed;
    }

    private static List<Route> routes() {
        if (routes == null) {
            var found = new ArrayList<Route>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                if (root == null) continue;
                for (Method method : bean.getBeanClass().getMethods()) {
                    String verb = verb(method);
                    if (verb == null) continue;
                    Path sub = method.getAnnotation(Path.class);
                    found.add(new Route(template(root.value() + (sub == null ? "" : "/" + sub.value())), verb));
                }
            }
            routes = List.copyOf(found);
        }
        return routes;
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) return http.value();
        }
        return null;
    }

    /** {@code /api/cases/{code}} as a regular expression; {@code {name: regex}} keeps its regex. */
    private static Pattern template(String template) {
        String normal = ("/" + template).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        var regex = new StringBuilder();
        var parameter = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*([^}]*))?}").matcher(normal);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(normal.substring(last, parameter.start())));
            regex.append('(').append(parameter.group(1) == null ? "[^/]+" : parameter.group(1).trim()).append(')');
            last = parameter.end();
        }
        regex.append(Pattern.quote(normal.substring(last)));
        return Pattern.compile(regex + "/?");
    }
}
