package com.lakeshore.mycare.net

import com.lakeshore.mycare.BuildConfig
import okhttp3.OkHttpClient
import okhttp3.logging.HttpLoggingInterceptor
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory

object ApiModule {

    private const val PORTAL_API = "https://api.lakeshore-care.net/mobile/v3/"
    private const val DEVICE_SYNC_API = "http://sync.vitalink-devices.com/api/"

    fun portal(): PortalApi = retrofit(PORTAL_API).create(PortalApi::class.java)

    fun deviceSync(): DeviceSyncApi = retrofit(DEVICE_SYNC_API).create(DeviceSyncApi::class.java)

    private fun retrofit(baseUrl: String): Retrofit {
        val logging = HttpLoggingInterceptor().apply {
            level = if (BuildConfig.DEBUG) HttpLoggingInterceptor.Level.BASIC else HttpLoggingInterceptor.Level.NONE
        }
        return Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(OkHttpClient.Builder().addInterceptor(logging).build())
            .addConverterFactory(MoshiConverterFactory.create())
            .build()
    }
}
