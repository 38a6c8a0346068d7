package io.photosync.graph;

/**
 * OData string literals for {@code $filter}: single quotes around, a quote inside doubled. Every
 * value a person typed goes through here, so "O'Fernandez" finds Patti and
 * {@code x' or startswith(displayName,'a} stays one literal instead of widening the search.
 */
final class ODataLiteral {

    private ODataLiteral() {
    }

    static String of(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
