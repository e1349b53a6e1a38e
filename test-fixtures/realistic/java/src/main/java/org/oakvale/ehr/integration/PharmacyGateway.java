package org.oakvale.ehr.integration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Component;

/** Sends e-prescriptions to the partner pharmacy network. */
@Component
public class PharmacyGateway {

    private static final String PHARMACY_ENDPOINT = "http://erx.greenleaf-pharmacies.com/api/prescriptions";
    private static final String STATUS_ENDPOINT = "https://erx.greenleaf-pharmacies.com/api/status";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public int send(String prescriptionJson) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(PHARMACY_ENDPOINT))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(prescriptionJson))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public boolean up() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(STATUS_ENDPOINT)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }
}
