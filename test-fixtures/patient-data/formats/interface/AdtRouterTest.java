package com.northwindhealth.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdtRouterTest {

    // Copied from the production feed while debugging ticket NWH-1873.
    private static final String ADMIT =
        "MSH|^~\\&|PAS|NORTHWIND|EMR|NORTHWIND|20240302101500||ADT^A01|MSG000873|P|2.5\r" +
        "EVN|A01|20240302101500\r" +
        "PID|1||NWH-0051182^^^NWH^MR||Vermeulen^Ruben||19670822|M|||Kerkstraat 14^^Utrecht^^3511 LK^NLD\r" +
        "PV1|1|I|WARD2^BED4^1\r";

    private static final String TEST_PATIENT =
        "MSH|^~\\&|PAS|NORTHWIND|EMR|NORTHWIND|20240302101500||ADT^A01|MSG000874|T|2.5\r" +
        "PID|1||ZZ0002^^^NWH^MR||ZZTEST^ADULT||19800101|F\r";

    private static String build(String mrn, String family, String given, String dob) {
        return "MSH|^~\\&|PAS|NORTHWIND|EMR|NORTHWIND|20240302101500||ADT^A01|" + mrn + "|T|2.5\r" +
            "PID|1||" + mrn + "^^^NWH^MR||" + family + "^" + given + "||" + dob + "\r";
    }

    @Test
    void routesAdmissionsToTheWardSystem() {
        assertEquals("WARD", new AdtRouter().route(ADMIT));
        assertEquals("WARD", new AdtRouter().route(TEST_PATIENT));
        assertEquals("WARD", new AdtRouter().route(build("X1", "Family", "Given", "19800101")));
    }
}
