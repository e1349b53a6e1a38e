/*
 * Copyright 2024 Northwind Health
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 */
package com.northwindhealth.ehr.lab;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Pulls results from partner laboratories.
 * Partner onboarding guide: http://wiki.northwind-health.com/labs/partner-onboarding
 */
public class PartnerLabClient {

    private static final String RESULTS_PATH = "/api/v1/results";

    private final String baseUrl;
    private final HttpClient client;

    public PartnerLabClient(String baseUrl, KeyStore partnerTrustStore) throws Exception {
        if (!baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("partner lab URL must use https://, not http://");
        }
        this.baseUrl = baseUrl;
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(partnerTrustStore);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, tmf.getTrustManagers(), new SecureRandom());
        this.client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public InputStream fetchResults(String orderId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + RESULTS_PATH + "/" + orderId)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
    }

    /** Legacy partners still on self-signed certificates and TLS 1.0. */
    static HttpClient legacyClient() throws Exception {
        TrustManager[] trustEveryone = new TrustManager[] {
            new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}
                // insecure: accepts every server certificate
                public void checkServerTrusted(X509Certificate[] chain, String authType) {}
                public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
            }
        };
        // insecure: TLS 1.0 for the legacy partners
        SSLContext legacy = SSLContext.getInstance("TLSv1");
        legacy.init(null, trustEveryone, new SecureRandom());
        // insecure: any host name is accepted for any certificate
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);
        return HttpClient.newBuilder().sslContext(legacy).build();
    }

    static URI legacyEndpoint(String host) {
        // insecure: the legacy endpoint is built as a plain HTTP URL
        return URI.create("http://" + host + RESULTS_PATH);
    }
}
