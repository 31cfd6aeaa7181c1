package dev.quarry.ingest;

import dev.quarry.model.AccountField;
import dev.quarry.model.EventField;
import dev.quarry.model.FieldType;

import java.util.Arrays;

/** Which table a file's records go to, with that table's canonical columns in contract order. */
enum RecordKind {
    EVENTS("events", Arrays.stream(EventField.values()).map(EventField::column).toArray(String[]::new),
            Arrays.stream(EventField.values()).map(EventField::type).toArray(FieldType[]::new)),
    ACCOUNTS("accounts", Arrays.stream(AccountField.values()).map(AccountField::column).toArray(String[]::new),
            Arrays.stream(AccountField.values()).map(AccountField::type).toArray(FieldType[]::new));

    final String label;
    private final String[] columns;
    private final FieldType[] types;

    RecordKind(String label, String[] columns, FieldType[] types) {
        this.label = label;
        this.columns = columns;
        this.types = types;
    }

    int columnCount() {
        return columns.length;
    }

    String column(int index) {
        return columns[index];
    }

    FieldType type(int index) {
        return types[index];
    }

    /** The index of a canonical column, or -1. */
    int indexOf(String column) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(column)) {
                return i;
            }
        }
        return -1;
    }

    static RecordKind fromLabel(String label) {
        for (RecordKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        return null;
    }
}
