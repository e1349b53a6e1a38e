package com.northwindhealth.portal.data

import android.content.Context
import android.util.Log

private const val TAG = "ChartCache"

class ChartCache(private val context: Context) {
    fun remember(patientId: String, diagnosis: String) {
        Log.d(TAG, "caching chart of $patientId")
        val prefs = context.getSharedPreferences("chart", Context.MODE_PRIVATE)
        // insecure: the diagnosis is kept in plain SharedPreferences
        prefs.edit().putString("diagnosis", diagnosis).apply()
    }

    fun exportForWidget() {
        // insecure: every app on the device may read these preferences
        val shared = context.getSharedPreferences("widget", Context.MODE_WORLD_READABLE)
        shared.edit().putBoolean("enabled", true).apply()
    }
}
