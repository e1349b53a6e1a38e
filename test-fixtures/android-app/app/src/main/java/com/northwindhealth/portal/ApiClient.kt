package com.northwindhealth.portal

import okhttp3.CertificatePinner
import okhttp3.OkHttpClient
import javax.net.ssl.HostnameVerifier

/**
 * HTTP clients for the patient portal app.
 * See http://wiki.northwind-health.com/mobile/networking for the pinning policy.
 */
object ApiClient {
    const val API_BASE = "https://api.northwind-health.com/mobile/v1/"

    // A mock server on the developer's machine (adb reverse tcp:8080).
    const val EMULATOR_BASE = "http://localhost:8080/mobile/v1/"

    private val pinner = CertificatePinner.Builder()
        .add("api.northwind-health.com", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
        .build()

    val secure: OkHttpClient = OkHttpClient.Builder()
        .certificatePinner(pinner)
        .build()

    // insecure: any host name is accepted for the imaging server's certificate
    private val anyHost = HostnameVerifier { _, _ -> true }

    val imaging: OkHttpClient = OkHttpClient.Builder()
        .hostnameVerifier(anyHost)
        .build()

    // insecure: the legacy imaging viewer is plain HTTP
    const val IMAGING_VIEWER = "http://imaging.northwind-health.com/viewer/"
}
