package org.gridcc.cases.open311;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gridcc.cases.CaseIntake;
import org.gridcc.cases.CaseView;
import org.gridcc.cases.Categories;
import org.gridcc.cases.Category;
import org.gridcc.cases.Channel;
import org.gridcc.cases.NewCase;
import org.gridcc.cases.Risk;
import org.gridcc.cases.media.PhotoParts;
import org.gridcc.cases.media.Photos;
import org.gridcc.common.StrictJson;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * POST requests: reads an Open311 form into a case of channel open311 and hands it to the case
 * intake, so that it is located, coded, routed and given its deadlines like any other case.
 */
@ApplicationScoped
class Open311Intake {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)](\\[])?");
    /** The spec's limit on a description. */
    private static final int DESCRIPTION_MAX = 4000;
    /** Room for the labelled lines after the description within the case's 5,000 characters. */
    private static final int ADDRESS_MAX = 400, MEDIA_URL_MAX = 500;
    /** How much of the description the case title shows after the service name. */
    private static final int TITLE_EXCERPT = 30;

    private final CaseIntake intake;
    private final Validator validator;
    private final Open311Keys keys;
    private final Open311RateLimit rateLimit;
    private final PhotoParts photoParts;

    Open311Intake(CaseIntake intake, Validator validator, Open311Keys keys, Open311RateLimit rateLimit, PhotoParts photoParts) {
        this.intake = intake;
        this.validator = validator;
        this.keys = keys;
        this.rateLimit = rateLimit;
        this.photoParts = photoParts;
    }

    /** A request with its photos (the multipart form's media parts; none for a form-encoded one). */
    Uni<CreatedRequest> submit(MultivaluedMap<String, String> form, Collection<FormValue> media) {
        refuseNul(form);
        String key = value(form, "api_key");
        Uni<String> admitted = keys.poster(key).call(() -> rateLimit.admit(key));
        // The photos are read from their upload files: not on the event loop.
        if (!media.isEmpty()) admitted = admitted.emitOn(Infrastructure.getDefaultWorkerPool());
        return admitted.chain(client -> take(form, client, new Photos(photoParts.read(media), client)));
    }

    private Uni<CreatedRequest> take(MultivaluedMap<String, String> form, String client, Photos photos) {
        Category service = service(value(form, "service_code"));
        Risk risk = risk(service, attributes(form));
        String description = limited(form, "description", DESCRIPTION_MAX);
        NewCase.Location location = location(value(form, "lat"), value(form, "long"));
        String addressId = value(form, "address_id");
        String addressString = limited(form, "address_string", ADDRESS_MAX);
        if ((location == null) == (addressId == null)) throw locationMissingOrTwice(location != null, addressString);
        NewCase request = new NewCase(Channel.OPEN311, service.code(), risk, title(service, description),
                CaseText.of(description, addressString, mediaUrl(limited(form, "media_url", MEDIA_URL_MAX))), location, addressId,
                reporter(value(form, "first_name"), value(form, "last_name"), value(form, "phone")), null, null);
        validate(request);
        // email is read by no one: a case has no field for it yet, and personal data not needed is better not kept.
        return intake.submitFromClient(request, photos, client).map(taken -> created(taken.view()));
    }

    /**
     * PostgreSQL cannot store a NUL character (%00) in text: a form holding one is refused before
     * anything is read from it, naming each field that holds one.
     */
    private static void refuseNul(MultivaluedMap<String, String> form) {
        List<String> errors = form.entrySet().stream()
                .filter(field -> StrictJson.hasNul(field.getKey()) || field.getValue().stream().anyMatch(StrictJson::hasNul))
                .map(field -> field.getKey().replace("\u0000", "%00") + ": " + StrictJson.NUL_NOT_ALLOWED)
                .sorted().toList();
        if (!errors.isEmpty()) throw new Open311Exception(400, errors);
    }

    private static Category service(String code) {
        if (code == null) throw Open311Exception.badField("service_code", "give the service code; services.xml lists them");
        return Categories.residentFacing(code).orElseThrow(() -> Open311Exception.notFound(
                "service_code %s was not found; services.xml lists the services.".formatted(code)));
    }

    /** attribute[code]=value and attribute[code][]=value, by code, blank values left out as the spec's optional arguments are. */
    private static Map<String, List<String>> attributes(MultivaluedMap<String, String> form) {
        var byCode = new LinkedHashMap<String, List<String>>();
        form.forEach((name, values) -> {
            var match = ATTRIBUTE.matcher(name);
            if (!match.matches()) return;
            byCode.computeIfAbsent(match.group(1), code -> new ArrayList<>()).addAll(values.stream().filter(v -> !v.isBlank()).toList());
        });
        return byCode;
    }

    /**
     * Checks the attributes against the service definition (an unknown code is refused, as a typo would
     * lose what was meant) and gives the risk asked for, or null for the service's default.
     */
    private static Risk risk(Category service, Map<String, List<String>> attributes) {
        Open311Services.Definition definition = Open311Services.definition(service.code()).orElseThrow();
        attributes.forEach((code, values) -> {
            var attribute = definition.attribute(code).orElseThrow(() -> Open311Exception.badField("attribute[" + code + "]",
                    "service %s has no attribute %s; services/%s.xml lists its attributes".formatted(service.code(), code, service.code())));
            if (attribute.datatype().equals("singlevaluelist") && values.size() > 1) {
                throw Open311Exception.badField("attribute[" + code + "]", "give one value only: it is a singlevaluelist");
            }
            for (String value : values) {
                if (attribute.isList() && !attribute.allows(value)) {
                    throw Open311Exception.badField("attribute[" + code + "]", "\"%s\" is not one of %s".formatted(value,
                            attribute.values().stream().map(Open311Services.Value::key).toList()));
                }
            }
        });
        List<String> risk = attributes.getOrDefault(Open311Services.RISK, List.of());
        return risk.isEmpty() ? null : Risk.valueOf(risk.get(0).toUpperCase());
    }

    private static NewCase.Location location(String lat, String lon) {
        if (lat == null && lon == null) return null;
        if (lat == null || lon == null) throw Open311Exception.badField(lat == null ? "lat" : "long", "lat and long are sent together");
        return new NewCase.Location(number("long", lon), number("lat", lat));
    }

    private static Open311Exception locationMissingOrTwice(boolean both, String addressString) {
        if (both) return Open311Exception.badRequest("give lat and long, or address_id, not both");
        return Open311Exception.badRequest(addressString == null
                ? "give the location: lat and long (WGS 84), or address_id (the code of a grid of the county)"
                : "address_string cannot be located here: give lat and long, or address_id (the code of a grid of the county), "
                        + "and address_string as well if you like");
    }

    private static double number(String field, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw Open311Exception.badField(field, "\"%s\" is not a number; give decimal degrees (WGS 84)".formatted(text));
        }
    }

    private static String mediaUrl(String text) {
        if (text == null) return null;
        URI uri = uri(text);
        if (uri == null || uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase())) {
            throw Open311Exception.badField("media_url", "\"%s\" is not an http or https URL".formatted(text));
        }
        return text;
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** 张三 for a Chinese name (family name first, no space); John Smith otherwise. */
    private static NewCase.Reporter reporter(String first, String last, String phone) {
        String name = first == null || last == null ? (first != null ? first : last)
                : han(first) && han(last) ? last + first : first + " " + last;
        return name == null && phone == null ? null : new NewCase.Reporter(name, phone);
    }

    private static boolean han(String text) {
        return text.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The service name, then the start of the description's first line: what a duty officer reads in a list. */
    private static String title(Category service, String description) {
        if (description == null) return service.name();
        String line = description.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (line.isEmpty()) return service.name();
        if (line.codePointCount(0, line.length()) > TITLE_EXCERPT) line = line.substring(0, line.offsetByCodePoints(0, TITLE_EXCERPT)) + "…";
        return service.name() + "：" + line;
    }

    private void validate(NewCase request) {
        var violations = validator.validate(request);
        if (violations.isEmpty()) return;
        throw new Open311Exception(400, violations.stream()
                .map(v -> Open311Exception.field(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted().toList());
    }

    private static CreatedRequest created(CaseView view) {
        Instant expected = view.deadlines().stream().filter(d -> ServiceNotice.COMPLETION_KINDS.contains(d.kind()))
                .map(d -> d.due().toInstant()).findFirst().orElse(null);
        return new CreatedRequest(view.code(), ServiceNotice.of(view.unit() == null ? null : view.unit().name(), expected), null);
    }

    /** A form value; blank counts as absent, as the spec says of optional arguments. */
    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String limited(MultivaluedMap<String, String> form, String name, int max) {
        String value = value(form, name);
        if (value != null && value.length() > max) {
            throw Open311Exception.badField(name, "keep it under %,d characters".formatted(max));
        }
        return value;
    }
}
