package io.photosync.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The part of OData {@code $filter} that Graph accepts on users and groups and that PhotoSync
 * sends: {@code prop eq 'text'}, {@code prop eq true}, {@code prop ne …},
 * {@code startswith(prop,'text')}, joined with {@code and} / {@code or}, with parentheses.
 *
 * <p>String literals are single-quoted with {@code ''} for a quote, exactly as OData defines them,
 * and compared without regard to case, as Graph compares directory strings. The parser is strict:
 * anything it does not know is a 400, so a client that forgets to escape a quote gets the same
 * "invalid filter" (or a wider search) that Graph would give it.
 */
final class ODataFilter {

    /** Thrown for a filter Graph would refuse with 400 {@code BadRequest}. */
    static class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    /**
     * Thrown for a filter that is well formed but that Graph does not run on directory objects
     * without advanced queries (a range operator, {@code endswith}, {@code contains}): 400
     * {@code Request_UnsupportedQuery} "Unsupported Query.", as observed.
     */
    static final class Unsupported extends Invalid {
        Unsupported(String what) {
            super(what);
        }
    }

    private static final Set<String> UNSUPPORTED = Set.of("gt", "ge", "lt", "le", "in", "has", "endswith", "contains", "not", "any", "all");

    private final List<String> tokens;
    private int next;

    private ODataFilter(List<String> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses a filter into a test over objects whose properties {@code property} reads.
     *
     * @param property reads a property by name; returns a String, a Boolean or null
     */
    static <T> Predicate<T> parse(String filter, Function<T, Function<String, Object>> property) {
        ODataFilter parser = new ODataFilter(tokenize(filter));
        Predicate<Function<String, Object>> test = parser.or();
        if (parser.next != parser.tokens.size()) {
            throw new Invalid("Invalid filter clause: unexpected '" + parser.tokens.get(parser.next) + "'.");
        }
        return item -> test.test(property.apply(item));
    }

    private Predicate<Function<String, Object>> or() {
        Predicate<Function<String, Object>> left = and();
        while (accept("or")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<Function<String, Object>> and() {
        Predicate<Function<String, Object>> left = comparison();
        while (accept("and")) {
            left = left.and(comparison());
        }
        return left;
    }

    private Predicate<Function<String, Object>> comparison() {
        if (accept("(")) {
            Predicate<Function<String, Object>> inner = or();
            expect(")");
            return inner;
        }
        if (accept("startswith")) {
            expect("(");
            String name = identifier();
            expect(",");
            String prefix = stringLiteral();
            expect(")");
            return item -> item.apply(name) instanceof String value
                    && value.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
        }
        if (UNSUPPORTED.contains(peek().toLowerCase(Locale.ROOT))) {
            throw new Unsupported(peek());
        }
        String name = identifier();
        String operator = take().toLowerCase(Locale.ROOT);
        if (UNSUPPORTED.contains(operator)) {
            throw new Unsupported(operator);
        }
        if (!operator.equals("eq") && !operator.equals("ne")) {
            throw new Invalid("Invalid filter clause: unsupported operator '" + operator + "'.");
        }
        Object literal = literal();
        Predicate<Function<String, Object>> equal = item -> same(item.apply(name), literal);
        return operator.equals("eq") ? equal : equal.negate();
    }

    private static boolean same(Object value, Object literal) {
        if (value instanceof String text && literal instanceof String expected) {
            return text.equalsIgnoreCase(expected);
        }
        return literal == null ? value == null : literal.equals(value);
    }

    private Object literal() {
        String token = peek();
        if (token.startsWith("'")) {
            return stringLiteral();
        }
        take();
        return switch (token) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> throw new Invalid("Invalid filter clause: '" + token + "' is not a literal.");
        };
    }

    private String stringLiteral() {
        String token = take();
        if (!token.startsWith("'")) {
            throw new Invalid("Invalid filter clause: expected a string literal, found '" + token + "'.");
        }
        return token.substring(1, token.length() - 1).replace("''", "'");
    }

    private String identifier() {
        String token = take();
        if (!token.matches("[A-Za-z][A-Za-z0-9_/]*")) {
            throw new Invalid("Invalid filter clause: expected a property, found '" + token + "'.");
        }
        return token;
    }

    private boolean accept(String token) {
        if (next < tokens.size() && tokens.get(next).equalsIgnoreCase(token)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new Invalid("Invalid filter clause: expected '" + token + "'.");
        }
    }

    private String peek() {
        if (next >= tokens.size()) {
            throw new Invalid("Invalid filter clause: unexpected end.");
        }
        return tokens.get(next);
    }

    private String take() {
        String token = peek();
        next++;
        return token;
    }

    /** Words, punctuation, and quoted literals kept whole (with their quotes). */
    private static List<String> tokenize(String filter) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                int end = i + 1;
                while (true) {
                    if (end >= filter.length()) {
                        throw new Invalid("Invalid filter clause: unterminated string literal.");
                    }
                    if (filter.charAt(end) == '\'') {
                        if (end + 1 < filter.length() && filter.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                tokens.add(filter.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = i;
                while (end < filter.length() && !Character.isWhitespace(filter.charAt(end)) && "(),'".indexOf(filter.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(filter.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }
}
