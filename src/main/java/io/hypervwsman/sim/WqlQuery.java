package io.hypervwsman.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The WQL the host understands: {@code SELECT * | a, b FROM Class [WHERE p = literal [AND ...]]},
 * {@code ASSOCIATORS OF {Class.Key='v',...} [WHERE AssocClass = A ResultClass = C Role = R ResultRole = RR]} and
 * {@code REFERENCES OF {Class.Key='v',...} [WHERE ResultClass = A Role = R]}: the keywords of the WMI SDK pages
 * "ASSOCIATORS OF Statement" and "REFERENCES OF Statement", separated by spaces (not AND), each with {@code =}.
 * ClassDefsOnly, RequiredQualifier and RequiredAssocQualifier are refused (class definitions and qualifiers are not
 * modelled). String literals are single- or double-quoted with {@code \\} and {@code \'} (or {@code \"}) as the
 * only escapes.
 */
sealed interface WqlQuery {

    /** A SELECT; {@code properties} empty means {@code *}. */
    record Select(List<String> properties, String className, List<Condition> where) implements WqlQuery {
        boolean matches(InstanceSnapshot instance) {
            return where.stream().allMatch(c -> c.matches(instance));
        }
    }

    /** An ASSOCIATORS OF query: the endpoints associated with the object with {@code sourceKeys}. */
    record Associators(String sourceClass, Map<String, String> sourceKeys, Optional<String> resultClass,
                       Optional<String> assocClass, Optional<String> role, Optional<String> resultRole)
            implements WqlQuery {
    }

    /**
     * A REFERENCES OF query: the association instances that refer to the object with {@code sourceKeys};
     * {@code resultClass} names the association class here.
     */
    record References(String sourceClass, Map<String, String> sourceKeys, Optional<String> resultClass,
                      Optional<String> role) implements WqlQuery {
    }

    /** {@code property = literal}; a quoted literal compares as text (case-insensitively, as WMI does). */
    record Condition(String property, String literal, boolean quoted) {
        boolean matches(InstanceSnapshot instance) {
            Optional<Object> v = instance.value(property);
            if (v.isEmpty()) {
                return false;
            }
            Object value = v.get();
            if (!quoted && value instanceof Number n) {
                try {
                    return new java.math.BigDecimal(n.toString()).compareTo(new java.math.BigDecimal(literal)) == 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            return String.valueOf(value).equalsIgnoreCase(literal);
        }
    }

    /** Thrown for text that is not in the supported WQL subset. */
    final class InvalidQueryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidQueryException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses {@code text}. */
    static WqlQuery parse(String text) {
        return new Parser(Tokenizer.tokens(text)).query();
    }

    /** A lexical token: its kind and text (unescaped for strings). */
    record Token(char kind, String text) {
        static final char WORD = 'w';
        static final char STRING = 's';
        static final char NUMBER = 'n';
        static final char SYMBOL = 'y';
        static final char END = 'e';

        boolean isWord(String word) {
            return kind == WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char c) {
            return kind == SYMBOL && text.charAt(0) == c;
        }
    }

    /** Splits WQL text into tokens. */
    final class Tokenizer {
        private Tokenizer() {
        }

        static List<Token> tokens(String text) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                        i++;
                    }
                    out.add(new Token(Token.WORD, text.substring(start, i)));
                } else if (Character.isDigit(c) || c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                    int start = i++;
                    while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                        i++;
                    }
                    out.add(new Token(Token.NUMBER, text.substring(start, i)));
                } else if (c == '\'' || c == '"') {
                    i = string(text, i, out);
                } else if ("*,={}.".indexOf(c) >= 0) {
                    out.add(new Token(Token.SYMBOL, String.valueOf(c)));
                    i++;
                } else {
                    throw new InvalidQueryException("unexpected character '" + c + "' at " + i);
                }
            }
            out.add(new Token(Token.END, ""));
            return out;
        }

        private static int string(String text, int open, List<Token> out) {
            char quote = text.charAt(open);
            StringBuilder value = new StringBuilder();
            int i = open + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= text.length()) {
                        break;
                    }
                    char next = text.charAt(i + 1);
                    if (next != '\\' && next != quote) {
                        throw new InvalidQueryException("invalid escape \\" + next + " in a string literal");
                    }
                    value.append(next);
                    i += 2;
                } else if (c == quote) {
                    out.add(new Token(Token.STRING, value.toString()));
                    return i + 1;
                } else {
                    value.append(c);
                    i++;
                }
            }
            throw new InvalidQueryException("unterminated string literal");
        }
    }

    /** Recursive descent over the tokens. */
    final class Parser {
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        WqlQuery query() {
            WqlQuery q;
            if (peek().isWord("SELECT")) {
                q = select();
            } else if (peek().isWord("ASSOCIATORS")) {
                q = traversal(true);
            } else if (peek().isWord("REFERENCES")) {
                q = traversal(false);
            } else {
                throw new InvalidQueryException("expected SELECT, ASSOCIATORS OF or REFERENCES OF");
            }
            expect(Token.END, "end of query");
            return q;
        }

        private Select select() {
            next();
            List<String> properties = new ArrayList<>();
            if (peek().isSymbol('*')) {
                next();
            } else {
                properties.add(word("property name"));
                while (peek().isSymbol(',')) {
                    next();
                    properties.add(word("property name"));
                }
            }
            keyword("FROM");
            String className = word("class name");
            List<Condition> where = new ArrayList<>();
            if (peek().isWord("WHERE")) {
                next();
                where.add(condition());
                while (peek().isWord("AND")) {
                    next();
                    where.add(condition());
                }
            }
            return new Select(List.copyOf(properties), className, List.copyOf(where));
        }

        private Condition condition() {
            String property = word("property name");
            symbol('=');
            Token value = next();
            return switch (value.kind()) {
                case Token.STRING -> new Condition(property, value.text(), true);
                case Token.NUMBER -> new Condition(property, value.text(), false);
                case Token.WORD -> {
                    if (value.isWord("TRUE") || value.isWord("FALSE")) {
                        yield new Condition(property, value.text().toLowerCase(Locale.ROOT), true);
                    }
                    throw new InvalidQueryException("expected a literal after " + property + " =");
                }
                default -> throw new InvalidQueryException("expected a literal after " + property + " =");
            };
        }

        /** ASSOCIATORS OF or REFERENCES OF: the source object path, then the keywords the statement allows. */
        private WqlQuery traversal(boolean associators) {
            next();
            keyword("OF");
            symbol('{');
            String sourceClass = word("class name");
            symbol('.');
            Map<String, String> keys = new LinkedHashMap<>();
            do {
                if (!keys.isEmpty()) {
                    next();
                }
                String key = word("key name");
                symbol('=');
                Token v = next();
                if (v.kind() != Token.STRING && v.kind() != Token.NUMBER) {
                    throw new InvalidQueryException("expected a key value for " + key);
                }
                keys.put(key, v.text());
            } while (peek().isSymbol(','));
            symbol('}');
            List<String> allowed = associators ? List.of("AssocClass", "ResultClass", "Role", "ResultRole")
                    : List.of("ResultClass", "Role");
            Map<String, String> given = new LinkedHashMap<>();
            if (peek().isWord("WHERE")) {
                next();
                // The keywords are separated by spaces, not AND or OR, and take only '=' (WMI SDK).
                do {
                    String keyword = word("a keyword");
                    if (keyword.equalsIgnoreCase("ClassDefsOnly") || keyword.equalsIgnoreCase("RequiredQualifier")
                            || keyword.equalsIgnoreCase("RequiredAssocQualifier")) {
                        throw new InvalidQueryException(keyword + " is not supported by the simulated host");
                    }
                    String canonical = allowed.stream().filter(keyword::equalsIgnoreCase).findFirst()
                            .orElseThrow(() -> new InvalidQueryException(keyword + " is not a keyword of "
                                    + (associators ? "ASSOCIATORS OF" : "REFERENCES OF")));
                    symbol('=');
                    if (given.put(canonical, word(canonical + " value")) != null) {
                        throw new InvalidQueryException(canonical + " given twice");
                    }
                } while (peek().kind() == Token.WORD);
            }
            return associators
                    ? new Associators(sourceClass, keys, opt(given, "ResultClass"), opt(given, "AssocClass"),
                            opt(given, "Role"), opt(given, "ResultRole"))
                    : new References(sourceClass, keys, opt(given, "ResultClass"), opt(given, "Role"));
        }

        private static Optional<String> opt(Map<String, String> given, String keyword) {
            return Optional.ofNullable(given.get(keyword));
        }

        private Token peek() {
            return tokens.get(at);
        }

        private Token next() {
            Token t = tokens.get(at);
            if (t.kind() != Token.END) {
                at++;
            }
            return t;
        }

        private String word(String what) {
            Token t = next();
            if (t.kind() != Token.WORD) {
                throw new InvalidQueryException("expected " + what + " but found '" + t.text() + "'");
            }
            return t.text();
        }

        private void keyword(String word) {
            if (!next().isWord(word)) {
                throw new InvalidQueryException("expected " + word);
            }
        }

        private void symbol(char c) {
            if (!next().isSymbol(c)) {
                throw new InvalidQueryException("expected '" + c + "'");
            }
        }

        private void expect(char kind, String what) {
            if (next().kind() != kind) {
                throw new InvalidQueryException("expected " + what);
            }
        }
    }
}
