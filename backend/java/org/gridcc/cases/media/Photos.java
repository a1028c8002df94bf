package org.gridcc.cases.media;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import java.util.List;

/** The photos a request brings (numbered 1, 2, ... in this order) and who sent them. */
public record Photos(List<Photo> each, String uploadedBy) {

    public static final Photos NONE = new Photos(List.of(), null);

    public Photos {
        each = List.copyOf(each);
    }

    public boolean isEmpty() {
        return each.isEmpty();
    }

    public String[] contentTypes() {
        return each.stream().map(p -> p.type().contentType()).toArray(String[]::new);
    }

    public Buffer[] bytes() {
        return each.stream().map(p -> Buffer.buffer(p.bytes())).toArray(Buffer[]::new);
    }

    public String[] sha256s() {
        return each.stream().map(Photo::sha256).toArray(String[]::new);
    }

    /** As the history records them, numbered from {@code first}. */
    public JsonArray described(int first) {
        var list = new JsonArray();
        for (int i = 0; i < each.size(); i++) list.add(each.get(i).described(first + i));
        return list;
    }
}
