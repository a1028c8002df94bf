package org.gridcc.cases;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.gridcc.sla.DeadlineKind;

/**
 * The pages' words for the codes of a case, by code: its states, actions, channels, risks and
 * deadline kinds. Each word is written once, on its enum; the pages read them here.
 */
public record CaseWords(Map<String, String> statuses, Map<String, String> actions, Map<String, String> channels,
                        Map<String, String> risks, Map<String, String> deadlineKinds) {

    public static final CaseWords ALL = new CaseWords(
            words(CaseStatus.values(), CaseStatus::code, CaseStatus::label),
            words(CaseAction.values(), CaseAction::path, CaseAction::label),
            words(Channel.values(), Channel::code, Channel::label),
            words(Risk.values(), Risk::code, Risk::label),
            words(DeadlineKind.values(), DeadlineKind::name, DeadlineKind::label));

    private static <E> Map<String, String> words(E[] values, Function<E, String> code, Function<E, String> word) {
        var map = new LinkedHashMap<String, String>();
        Arrays.stream(values).forEach(value -> map.put(code.apply(value), word.apply(value)));
        return java.util.Collections.unmodifiableMap(map);
    }
}
