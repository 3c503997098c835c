package io.hypervwsman.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WqlLiteralTest {
    @Test
    void quotesAndBackslashesAreEscapedSoANameCannotChangeTheQuery() {
        assertEquals("'web01'", Wql.literal("web01"));
        assertEquals("'O\\'Brien\\'s VM'", Wql.literal("O'Brien's VM"));
        assertEquals("'C:\\\\vms\\\\a'", Wql.literal("C:\\vms\\a"));
        assertEquals("'x\\' OR Name LIKE \\'%'", Wql.literal("x' OR Name LIKE '%"));
        assertEquals("'\"quoted\"'", Wql.literal("\"quoted\""));
    }

    @Test
    void controlCharactersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Wql.literal("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> Wql.literal("a\u0000b"));
    }
}
