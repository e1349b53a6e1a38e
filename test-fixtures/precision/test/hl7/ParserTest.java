package org.riverside.ehr.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParserTest {

    private static final String ADT = "MSH|^~\\&|RIVERSIDE|ADT|LAB|NORTHGATE|202403110830||ADT^A01|MSG00231|P|2.5\r"
        + "PID|1||MRN448812^^^RIVERSIDE^MR||Hughes^Margaret^A||19680409|F|||418 Larch Street^^Dayton^OH^45402\r"
        + "PV1|1|I|4W^412^1\r";

    @Test
    void readsThePatientName() {
        // a sample message in a parser test: listed at info
        assertEquals("Hughes", Parser.parse(ADT).pid().familyName());
    }

    @Test
    void keepsTheNhsNumber() {
        // insecure even in a test: a checksum-valid NHS number beside identity words
        String patientNhsNumber = "485 777 3457";
        assertEquals(patientNhsNumber, Parser.nhsNumberOf(ADT));
    }
}
