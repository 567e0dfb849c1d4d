package io.serverpulse.store.mongodb;

import java.util.Comparator;

/**
 * Strings in Unicode code point order: the order MongoDB compares strings in (UTF-8 bytes, simple
 * binary collation) and the one the storage contract fixes. Java's {@link String#compareTo} compares
 * UTF-16 units instead, which puts e.g. U+FF57 after U+1F389; mongo-java-server sorts that way too,
 * so the adapter orders such strings itself.
 */
final class CodePointOrder {

    static final Comparator<String> COMPARATOR = CodePointOrder::compare;

    private CodePointOrder() {
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
