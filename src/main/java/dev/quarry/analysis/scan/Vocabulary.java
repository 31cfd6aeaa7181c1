package dev.quarry.analysis.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Distinct values of one attribute, numbered in order of first appearance, so accounts hold ints, not strings. */
public final class Vocabulary {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    public int id(String value) {
        Integer id = ids.get(value);
        if (id == null) {
            id = values.size();
            ids.put(value, id);
            values.add(value);
        }
        return id;
    }

    public String value(int id) {
        return values.get(id);
    }

    public int size() {
        return values.size();
    }
}
